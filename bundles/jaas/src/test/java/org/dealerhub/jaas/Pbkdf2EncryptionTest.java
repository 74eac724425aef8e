package org.dealerhub.jaas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import org.apache.karaf.jaas.modules.Encryption;
import org.junit.jupiter.api.Test;

class Pbkdf2EncryptionTest {

    private static final Path CONFIG = Path.of("..", "..", "config");
    private final Encryption pbkdf2 = new Pbkdf2Encryption().createEncryption(Map.of("algorithm",
            "PBKDF2WithHmacSHA256"));

    @Test
    void theSamePasswordHashesDifferentlyEachTimeAndBothVerify() {
        String one = pbkdf2.encryptPassword("correct horse");
        String two = pbkdf2.encryptPassword("correct horse");
        assertNotEquals(one, two, "salted");
        assertTrue(one.startsWith("100000:"), one);
        assertTrue(pbkdf2.checkPassword("correct horse", one));
        assertTrue(pbkdf2.checkPassword("correct horse", two));
        assertFalse(pbkdf2.checkPassword("correct horse!", one));
        assertFalse(pbkdf2.checkPassword("correct horse", "not a hash"));
    }

    @Test
    void aCheckTakesMilliseconds() {
        String stored = pbkdf2.encryptPassword("pw");
        pbkdf2.checkPassword("pw", stored);
        int checks = 5;
        long start = System.nanoTime();
        for (int i = 0; i < checks; i++) {
            assertTrue(pbkdf2.checkPassword("pw", stored));
        }
        double ms = (System.nanoTime() - start) / 1e6 / checks;
        System.out.printf("PBKDF2-HMAC-SHA256, %d iterations: %.1f ms per check%n", Pbkdf2Encryption.ITERATIONS, ms);
        // slow enough to make guessing expensive, fast enough for a login (the loaded CI machine may be slower)
        assertTrue(ms >= 5 && ms < 5_000, ms + " ms");
    }

    @Test
    void otherAlgorithmsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new Pbkdf2Encryption().createEncryption(Map.of("algorithm", "MD5")));
    }

    @Test
    void theRealmUsesItAndTheDemoUsersPasswordsVerify() throws IOException {
        Properties jaas = load(CONFIG.resolve("etc/org.apache.karaf.jaas.cfg"));
        assertEquals("true", jaas.getProperty("encryption.enabled"));
        assertEquals(Pbkdf2Encryption.NAME, jaas.getProperty("encryption.name"));
        assertEquals(Pbkdf2Encryption.ALGORITHM, jaas.getProperty("encryption.algorithm"));
        String prefix = jaas.getProperty("encryption.prefix");
        Properties demo = load(CONFIG.resolve("demo/users.properties"));
        for (String user : new String[] {"admin", "staff", "fjordvik", "oresund"}) {
            String stored = demo.getProperty(user).split(",")[0];
            assertTrue(stored.startsWith(prefix), stored);
            assertTrue(pbkdf2.checkPassword(user + "-demo", stored.substring(prefix.length())), user);
        }
    }

    @Test
    void theDistributionShipsNoUserWithAPassword() throws IOException {
        Properties users = load(CONFIG.resolve("etc/users.properties"));
        users.stringPropertyNames().forEach(name -> assertTrue(name.startsWith("_g_:"), name + " has a password"));
    }

    private static Properties load(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }
}
