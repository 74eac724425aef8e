package org.dealerhub.persistence;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Versions the schema: applies the scripts listed in {@code db/migration/migrations.txt} that the database has not
 * seen yet, each in its own transaction, and records them in {@code SCHEMA_VERSION} with the SHA-256 of the script
 * as written. Existing data is migrated by the scripts, never dropped.
 * <ul>
 * <li>An applied script that was edited afterwards, or a database newer than these scripts, refuses to start.</li>
 * <li>Two nodes never migrate at once: on PostgreSQL a session advisory lock covers the whole run; each transaction
 * also locks {@code SCHEMA_VERSION} exclusively and reads the version again before it applies a script.</li>
 * <li>Scripts are portable SQL; {@code ${clob}} stands for the dialect's large text type.</li>
 * </ul>
 */
public final class Migrations {

    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    private static final String INDEX = "db/migration/migrations.txt";
    /** The PostgreSQL advisory lock of the migrations ("dealerhb" in ASCII). */
    private static final long LOCK_KEY = 0x6465616c65726862L;

    private final ClassLoader resources;

    public Migrations(ClassLoader resources) {
        this.resources = resources;
    }

    /** The SQL dialects the scripts run on, told apart by the JDBC driver's product name. */
    enum Dialect {
        DERBY(Map.of("clob", "CLOB")),
        POSTGRESQL(Map.of("clob", "TEXT"));

        private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");
        private final Map<String, String> placeholders;

        Dialect(Map<String, String> placeholders) {
            this.placeholders = placeholders;
        }

        static Dialect of(Connection c) throws SQLException {
            String product = c.getMetaData().getDatabaseProductName();
            return switch (product) {
                case "Apache Derby" -> DERBY;
                case "PostgreSQL" -> POSTGRESQL;
                default -> throw new SQLException("Dealerhub runs on Apache Derby or PostgreSQL, not on " + product);
            };
        }

        /** The script with each {@code ${name}} replaced by this dialect's text for it. */
        String substitute(Script script) {
            Matcher m = PLACEHOLDER.matcher(script.text());
            StringBuilder sql = new StringBuilder();
            while (m.find()) {
                String value = placeholders.get(m.group(1));
                if (value == null) {
                    throw new IllegalStateException("Schema migration " + script.name() + " uses the unknown"
                            + " placeholder " + m.group() + " (known: " + placeholders.keySet() + ")");
                }
                m.appendReplacement(sql, value);
            }
            return m.appendTail(sql).toString();
        }
    }

    /** A migration script: its version, resource name and text as written. */
    record Script(int version, String name, String text) {

        /** SHA-256 (hex) of the text with line endings normalised, so a checkout with CRLF has the same sum. */
        String checksum() {
            try {
                byte[] sum = MessageDigest.getInstance("SHA-256")
                        .digest(text.replace("\r\n", "\n").getBytes(StandardCharsets.UTF_8));
                return HexFormat.of().formatHex(sum);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Brings the database up to the newest version; returns the version it is at afterwards. */
    public int migrate(DataSource dataSource) throws SQLException, IOException {
        return migrate(dataSource, Integer.MAX_VALUE);
    }

    /** Brings the database up to {@code target} (for tests of a migration over existing data). */
    int migrate(DataSource dataSource, int target) throws SQLException, IOException {
        List<Script> scripts = scripts();
        try (Connection c = dataSource.getConnection()) {
            Dialect dialect = Dialect.of(c);
            c.setAutoCommit(false);
            advisoryLock(c, dialect, "pg_advisory_lock");
            try {
                ensureVersionTable(c);
                int current = inLock(c, () -> validate(c, scripts));
                for (Script script : scripts) {
                    if (script.version() > current && script.version() <= target) {
                        current = inLock(c, () -> apply(c, dialect, script));
                    }
                }
                return current;
            } finally {
                advisoryLock(c, dialect, "pg_advisory_unlock");
            }
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
            scripts.add(new Script(Integer.parseInt(parts[0]), parts[1], read("db/migration/" + parts[1])));
        }
        return scripts;
    }

    /**
     * Checks each applied script against its file (recording the checksums of scripts applied before checksums
     * were kept); returns the current version.
     */
    private static int validate(Connection c, List<Script> scripts) throws SQLException {
        Map<Integer, Script> known = scripts.stream()
                .collect(Collectors.toMap(Script::version, s -> s, (a, b) -> a, LinkedHashMap::new));
        int current = 0;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT VERSION, SCRIPT, CHECKSUM FROM SCHEMA_VERSION ORDER BY VERSION")) {
            while (rs.next()) {
                int version = rs.getInt(1);
                String name = rs.getString(2);
                String applied = rs.getString(3);
                Script script = known.get(version);
                if (script == null) {
                    throw new IllegalStateException("The database has schema migration " + version + " (" + name
                            + "), which this Dealerhub does not know: the database is newer than this release");
                }
                if (applied == null) {
                    try (PreparedStatement ps = c.prepareStatement(
                            "UPDATE SCHEMA_VERSION SET CHECKSUM = ? WHERE VERSION = ?")) {
                        ps.setString(1, script.checksum());
                        ps.setInt(2, version);
                        ps.executeUpdate();
                    }
                    LOG.info("Recorded the checksum of schema migration {} ({})", version, script.name());
                } else if (!applied.equals(script.checksum())) {
                    throw new IllegalStateException("Schema migration " + script.name() + " (version " + version
                            + ") was edited after it was applied: applied with checksum " + applied
                            + ", the file now has " + script.checksum() + ". An applied migration must not change:"
                            + " restore it and put the change into a new migration");
                }
                current = version;
            }
        }
        return current;
    }

    /** Applies the script unless another node did while this one waited for the lock; returns the version. */
    private static int apply(Connection c, Dialect dialect, Script script) throws SQLException {
        int current;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT MAX(VERSION) FROM SCHEMA_VERSION")) {
            rs.next();
            current = rs.getInt(1);
        }
        if (script.version() <= current) {
            return current;
        }
        try (Statement st = c.createStatement()) {
            for (String sql : statements(dialect.substitute(script))) {
                st.execute(sql);
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO SCHEMA_VERSION (VERSION, SCRIPT, APPLIED_AT, CHECKSUM) VALUES (?, ?, ?, ?)")) {
            ps.setInt(1, script.version());
            ps.setString(2, script.name());
            ps.setTimestamp(3, Timestamp.from(Instant.now()));
            ps.setString(4, script.checksum());
            ps.executeUpdate();
        }
        LOG.info("Applied schema migration {} ({})", script.version(), script.name());
        return script.version();
    }

    private interface Work {
        int run() throws SQLException;
    }

    /** One transaction that first takes {@code SCHEMA_VERSION} for itself (on Derby and PostgreSQL alike). */
    private static int inLock(Connection c, Work work) throws SQLException {
        try {
            try (Statement st = c.createStatement()) {
                st.execute("LOCK TABLE SCHEMA_VERSION IN EXCLUSIVE MODE");
            }
            int result = work.run();
            c.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        }
    }

    /** PostgreSQL: takes or releases the session lock that keeps other nodes out for the whole run. */
    private static void advisoryLock(Connection c, Dialect dialect, String function) throws SQLException {
        if (dialect != Dialect.POSTGRESQL) {
            return;
        }
        try (Statement st = c.createStatement()) {
            st.execute("SELECT " + function + "(" + LOCK_KEY + ")");
        }
        c.commit();
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        if (!exists(c, "SCHEMA_VERSION", null)) {
            ddl(c, "CREATE TABLE SCHEMA_VERSION (VERSION INT NOT NULL PRIMARY KEY, SCRIPT VARCHAR(200) NOT NULL,"
                    + " APPLIED_AT TIMESTAMP NOT NULL, CHECKSUM VARCHAR(64))", "SCHEMA_VERSION", null);
        }
        if (!exists(c, "SCHEMA_VERSION", "CHECKSUM")) {
            ddl(c, "ALTER TABLE SCHEMA_VERSION ADD COLUMN CHECKSUM VARCHAR(64)", "SCHEMA_VERSION", "CHECKSUM");
        }
    }

    /** DDL that a concurrent node may have run first: failing is fine when the table or column is there now. */
    private static void ddl(Connection c, String sql, String table, String column) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            if (!exists(c, table, column)) {
                throw e;
            }
        }
    }

    /** Whether the table (or its column) is in the connection's schema, in the case the database stores names. */
    private static boolean exists(Connection c, String table, String column) throws SQLException {
        DatabaseMetaData meta = c.getMetaData();
        boolean lower = meta.storesLowerCaseIdentifiers();
        String t = lower ? table.toLowerCase(Locale.ROOT) : table;
        try (ResultSet rs = column == null
                ? meta.getTables(null, c.getSchema(), t, new String[] {"TABLE"})
                : meta.getColumns(null, c.getSchema(), t, lower ? column.toLowerCase(Locale.ROOT) : column)) {
            return rs.next();
        }
    }

    private static final Pattern DOLLAR_QUOTE = Pattern.compile("\\$(?:[A-Za-z_][A-Za-z0-9_]*)?\\$");

    /**
     * Splits a script into statements at the semicolons outside string literals, quoted identifiers, PostgreSQL
     * dollar quotes and comments; drops the comments.
     */
    static List<String> statements(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder statement = new StringBuilder();
        int i = 0;
        while (i < script.length()) {
            if (script.startsWith("--", i)) {
                int eol = script.indexOf('\n', i);
                i = eol < 0 ? script.length() : eol;
            } else if (script.startsWith("/*", i)) {
                i = after(script, "*/", i + 2);
                statement.append(' ');
            } else if (script.charAt(i) == ';') {
                add(statements, statement);
                i++;
            } else {
                int end = quoteEnd(script, i);
                statement.append(script, i, end);
                i = end;
            }
        }
        add(statements, statement);
        return statements;
    }

    /** Where the quoted text that starts at {@code i} ends, or {@code i + 1} when none starts there. */
    private static int quoteEnd(String script, int i) {
        char ch = script.charAt(i);
        if (ch == '\'' || ch == '"') {
            String quote = String.valueOf(ch);
            int end = after(script, quote, i + 1);
            while (end < script.length() && script.charAt(end) == ch) { // a doubled quote stands for itself
                end = after(script, quote, end + 1);
            }
            return end;
        }
        if (ch == '$' && (i == 0 || !isIdentifierPart(script.charAt(i - 1)))) {
            Matcher tag = DOLLAR_QUOTE.matcher(script).region(i, script.length());
            if (tag.lookingAt()) {
                return after(script, tag.group(), tag.end());
            }
        }
        return i + 1;
    }

    /** The index after the next {@code close} from {@code from}; an unterminated quote or comment is an error. */
    private static int after(String script, String close, int from) {
        int at = script.indexOf(close, from);
        if (at < 0) {
            throw new IllegalArgumentException("unterminated " + close + " in a migration script");
        }
        return at + close.length();
    }

    private static boolean isIdentifierPart(char ch) {
        return Character.isLetterOrDigit(ch) || ch == '_' || ch == '$';
    }

    private static void add(List<String> statements, StringBuilder statement) {
        String sql = statement.toString().trim();
        if (!sql.isEmpty()) {
            statements.add(sql);
        }
        statement.setLength(0);
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
