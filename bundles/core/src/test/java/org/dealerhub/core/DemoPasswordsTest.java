package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;

/**
 * The demo portal users' password hashes, computed once instead of at each first boot, are PBKDF2-HMAC-SHA256 of
 * {@code <name>-demo} in the form the realm's encryption checks ({@code iterations:salt:hash}), one for each demo
 * portal user DemoData creates.
 */
class DemoPasswordsTest {

    @Test
    void everyDemoPortalUserHasTheHashOfItsDemoPassword() throws Exception {
        Properties hashes = new Properties();
        try (InputStream in = DemoData.class.getResourceAsStream("demo-portal-users.properties")) {
            hashes.load(in);
        }
        Set<String> expected = new TreeSet<>();
        for (String prefix : new String[] {"fjordvik", "oresund"}) {
            for (String role : new String[] {"admin", "devices", "stock", "both", "self"}) {
                expected.add(prefix + "-" + role);
            }
        }
        assertEquals(expected, new TreeSet<>(hashes.stringPropertyNames()));
        Base64.Decoder base64 = Base64.getDecoder();
        for (String name : expected) {
            String[] parts = hashes.getProperty(name).split(":");
            assertEquals(3, parts.length, name);
            assertEquals(100_000, Integer.parseInt(parts[0]), name);
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(new PBEKeySpec(
                    (name + "-demo").toCharArray(), base64.decode(parts[1]), 100_000, 256)).getEncoded();
            assertArrayEquals(base64.decode(parts[2]), hash, name);
        }
    }
}
