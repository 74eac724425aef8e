package org.dealerhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.apache.felix.utils.properties.Properties;
import org.apache.karaf.jaas.modules.properties.PropertiesBackingEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstAdminTest {

    @TempDir
    Path dir;

    private PropertiesBackingEngine realm(Path users) throws Exception {
        return new PropertiesBackingEngine(new Properties(users.toFile()));
    }

    @Test
    void aRealmWithoutUsersGetsTheAdminWithThePasswordFromTheEnvironment() throws Exception {
        Path users = shipped();
        Optional<String> created = FirstAdmin.createIfNoUsers(realm(users),
                Map.of(FirstAdmin.PASSWORD_VARIABLE, "s3cret-from-env")::get);
        assertEquals(Optional.of("s3cret-from-env"), created);
        Properties written = new Properties(users.toFile());
        assertEquals("s3cret-from-env,_g_:admingroup,dealer-admin", written.get("admin"));
        assertTrue(written.containsKey("_g_:admingroup"), "the group is kept");
    }

    @Test
    void withoutTheVariableAPasswordIsGeneratedEachFirstStart() throws Exception {
        String one = FirstAdmin.createIfNoUsers(realm(shipped()), name -> null).orElseThrow();
        String two = FirstAdmin.createIfNoUsers(realm(shipped()), name -> "  ").orElseThrow();
        assertNotEquals(one, two);
        assertEquals(20, one.length(), one);
    }

    @Test
    void aRealmWithUsersIsLeftAlone() throws Exception {
        Path users = shipped();
        Files.writeString(users, "anna = pw,dealer-staff\n", java.nio.file.StandardOpenOption.APPEND);
        String before = Files.readString(users);
        assertEquals(Optional.empty(), FirstAdmin.createIfNoUsers(realm(users),
                Map.of(FirstAdmin.PASSWORD_VARIABLE, "x")::get));
        assertEquals(before, Files.readString(users));
    }

    /** A copy of the users file the distribution ships. */
    private Path shipped() throws Exception {
        Path users = Files.createTempFile(dir, "users", ".properties");
        Files.copy(new File("../../config/etc/users.properties").toPath(), users,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return users;
    }
}
