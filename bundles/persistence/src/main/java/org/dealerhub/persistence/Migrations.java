package org.dealerhub.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versions the schema: applies the scripts listed in {@code db/migration/migrations.txt} that the database has not
 * seen yet, each in its own transaction, and records them in {@code SCHEMA_VERSION}. Existing data is migrated by
 * the scripts, never dropped.
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String INDEX = "db/migration/migrations.txt";

    private final ClassLoader resources;

    public Migrations(ClassLoader resources) {
        this.resources = resources;
    }

    /** A migration script: its version and resource name. */
    record Script(int version, String name) {
    }

    /** Brings the database up to the newest version; returns the version it is at afterwards. */
    public int migrate(DataSource dataSource) throws SQLException, IOException {
        return migrate(dataSource, Integer.MAX_VALUE);
    }

    /** Brings the database up to {@code target} (for tests of a migration over existing data). */
    int migrate(DataSource dataSource, int target) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            ensureVersionTable(c);
            int current = currentVersion(c);
            for (Script script : scripts()) {
                if (script.version() <= current || script.version() > target) {
                    continue;
                }
                apply(c, script);
                current = script.version();
            }
            c.commit();
            return current;
        }
    }

    /** The newest version the scripts bring a database to. */
    public int latestVersion() throws IOException {
        return scripts().stream().mapToInt(Script::version).max().orElse(0);
    }

    List<Script> scripts() throws IOException {
        List<Script> scripts = new ArrayList<>();
        for (String line : read(INDEX).split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            scripts.add(new Script(Integer.parseInt(parts[0]), parts[1]));
        }
        return scripts;
    }

    private void apply(Connection c, Script script) throws SQLException, IOException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements(read("db/migration/" + script.name()))) {
                st.execute(sql);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO SCHEMA_VERSION (VERSION, SCRIPT, APPLIED_AT) VALUES (?, ?, ?)")) {
                ps.setInt(1, script.version());
                ps.setString(2, script.name());
                ps.setTimestamp(3, Timestamp.from(Instant.now()));
                ps.executeUpdate();
            }
            c.commit();
            LOG.info("Applied schema migration {} ({})", script.version(), script.name());
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    /** Splits a script on semicolons at line ends; lines starting with {@code --} are comments. */
    static List<String> statements(String script) {
        String withoutComments = script.lines()
                .filter(l -> !l.trim().startsWith("--"))
                .collect(Collectors.joining("\n"));
        List<String> statements = new ArrayList<>();
        for (String s : withoutComments.split(";\\s*(\n|$)")) {
            if (!s.isBlank()) {
                statements.add(s.trim());
            }
        }
        return statements;
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        try (ResultSet rs = meta.getTables(null, null, "SCHEMA_VERSION", null)) {
            if (rs.next()) {
                return;
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE SCHEMA_VERSION (VERSION INT NOT NULL PRIMARY KEY, SCRIPT VARCHAR(200) NOT NULL,"
                    + " APPLIED_AT TIMESTAMP NOT NULL)");
        }
        c.commit();
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(VERSION) FROM SCHEMA_VERSION")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private String read(String resource) throws IOException {
        try (InputStream in = resources.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing migration resource " + resource);
            }
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                return r.lines().collect(Collectors.joining("\n"));
            }
        }
    }
}
