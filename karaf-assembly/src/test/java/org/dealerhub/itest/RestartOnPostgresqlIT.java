package org.dealerhub.itest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import org.junit.After;
import org.junit.Assume;
import org.junit.BeforeClass;

/**
 * {@link RestartIT} on PostgreSQL: the distribution is switched to a fresh database on the test server
 * (scripts/postgres-test.sh) by its etc/ alone, the shipped example datasource file with URL, user and password
 * filled in.
 */
public class RestartOnPostgresqlIT extends RestartIT {

    private static final String URL = System.getProperty("dealerhub.test.pg.url",
            "jdbc:postgresql://localhost:55432/dealerhub");
    private static final String USER = System.getProperty("dealerhub.test.pg.user", "dealerhub");
    private static final String PASSWORD = System.getProperty("dealerhub.test.pg.password", "dealerhub");

    /** Only -Ddealerhub.pg.skip turns it off (for a machine without PostgreSQL). */
    @BeforeClass
    public static void postgresqlWanted() {
        Assume.assumeFalse(Boolean.getBoolean("dealerhub.pg.skip"));
    }

    private final String database = "restart_" + UUID.randomUUID().toString().replace("-", "");

    @Override
    protected void configureDatabase(Path karafHome) throws Exception {
        admin("CREATE DATABASE " + database);
        Path example = karafHome.resolve("etc/org.ops4j.datasource-dealerhub.cfg.postgresql");
        String cfg = Files.readString(example)
                .replaceFirst("(?m)^url = .*$", "url = " + URL.substring(0, URL.lastIndexOf('/') + 1) + database)
                .replaceFirst("(?m)^user = .*$", "user = " + USER)
                .replaceFirst("(?m)^password = .*$", "password = " + PASSWORD);
        Files.writeString(karafHome.resolve("etc/org.ops4j.datasource-dealerhub.cfg"), cfg);
    }

    @Override
    protected Connection database() throws SQLException {
        return DriverManager.getConnection(URL.substring(0, URL.lastIndexOf('/') + 1) + database, USER, PASSWORD);
    }

    @Override
    protected void closeDatabase() {
        // a server: nothing to hand back
    }

    @After
    public void dropDatabase() throws Exception {
        cleanUp();
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
