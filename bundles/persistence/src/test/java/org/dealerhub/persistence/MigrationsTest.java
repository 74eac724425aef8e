package org.dealerhub.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The migrations on the database {@link TestDatabase} chooses (Derby, and PostgreSQL in a second run). */
class MigrationsTest {

    private final Migrations migrations = new Migrations(getClass().getClassLoader());
    private final List<TestDatabase> databases = new ArrayList<>();
    private DataSource ds;

    @BeforeEach
    void freshDatabase() throws SQLException {
        ds = fresh();
    }

    @AfterEach
    void dropDatabases() {
        for (TestDatabase db : databases) {
            db.close();
        }
    }

    private DataSource fresh() throws SQLException {
        TestDatabase db = TestDatabase.fresh();
        databases.add(db);
        return db.dataSource();
    }

    private int latest() throws IOException {
        List<Migrations.Script> scripts = migrations.scripts();
        return scripts.get(scripts.size() - 1).version();
    }

    private static void execute(DataSource ds, String... sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            for (String s : sql) {
                st.execute(s);
            }
        }
    }

    private static long count(DataSource ds, String sql) throws SQLException {
        try (Connection c = ds.getConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static final String ORGANISATION =
            "INSERT INTO ORGANISATION (ID, NAME, CUSTOMER_ACCOUNT, SYSTEM_ACCOUNT, MARKET) VALUES (1, 'A', '1', 'S1', 'NO')";
    private static final String DEVICE = "INSERT INTO DEVICE (ID, ORGANISATION_ID, VENDOR, MODEL, FORMAT, SERIAL_NUMBER,"
            + " REMOTELY_MONITORED) VALUES (%d, 1, 'canon', 'iR-ADV C3530', 'A3_COLOUR', 'SN%1$d', 0)";
    private static final String READING = "INSERT INTO METER_READING (ID, DEVICE_ID, READING_DATE, MONO_A4, COLOUR_A4,"
            + " MONO_A3, COLOUR_A3, BANNER, SCANS, ACCEPTED_AT, ACCEPTED_BY)"
            + " VALUES (%d, 1, CAST('%s' AS DATE), 1, 1, 1, 1, 0, 0, CURRENT_TIMESTAMP, 'test')";

    @Test
    void migratesAnEmptyDatabaseOnceAndRecordsTheVersionAndChecksum() throws Exception {
        assertEquals(latest(), migrations.migrate(ds));
        execute(ds, ORGANISATION);
        // a second start finds nothing to do and keeps the data
        assertEquals(latest(), migrations.migrate(ds));
        assertEquals(migrations.scripts().size(), count(ds, "SELECT COUNT(*) FROM SCHEMA_VERSION"));
        assertEquals(migrations.scripts().size(), count(ds, "SELECT COUNT(*) FROM SCHEMA_VERSION WHERE CHECKSUM IS NOT NULL"));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM ORGANISATION WHERE NAME = 'A'"));
    }

    @Test
    void thePortalMeter2UniqueConstraintHoldsInTheSchema() throws Exception {
        migrations.migrate(ds);
        execute(ds, ORGANISATION, String.format(DEVICE, 1), String.format(READING, 1, "2026-01-05"));
        assertThrows(SQLException.class, () -> execute(ds, String.format(READING, 2, "2026-01-05")));
    }

    @Test
    void version2PointsEachDeviceAtItsNewestExistingReading() throws Exception {
        assertEquals(1, migrations.migrate(ds, 1));
        execute(ds, ORGANISATION, String.format(DEVICE, 1), String.format(DEVICE, 2),
                String.format(READING, 10, "2026-01-05"), String.format(READING, 11, "2026-02-05"),
                String.format(READING, 12, "2026-01-20"));
        assertTrue(migrations.migrate(ds) >= 2);
        assertEquals(11, count(ds, "SELECT LAST_READING_ID FROM DEVICE WHERE ID = 1"));
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM DEVICE WHERE ID = 2 AND LAST_READING_ID IS NULL"),
                "a device without readings points nowhere");
    }

    @Test
    void anEditedAppliedMigrationRefusesToStartNamingTheScriptAndBothChecksums() throws Exception {
        migrations.migrate(ds);
        Migrations.Script v1 = migrations.scripts().get(0);
        Migrations edited = new Migrations(editing(v1.name(), v1.text() + "\n-- an afterthought"));
        String editedSum = edited.scripts().get(0).checksum();

        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> edited.migrate(ds));
        assertTrue(refused.getMessage().contains(v1.name()), refused.getMessage());
        assertTrue(refused.getMessage().contains(v1.checksum()), refused.getMessage());
        assertTrue(refused.getMessage().contains(editedSum), refused.getMessage());
        // the original scripts still start
        assertEquals(latest(), migrations.migrate(ds));
    }

    @Test
    void aDatabaseMigratedBeforeChecksumsGetsThemOnFirstStartAndIsCheckedFromThen() throws Exception {
        migrations.migrate(ds);
        execute(ds, "ALTER TABLE SCHEMA_VERSION DROP COLUMN CHECKSUM");

        assertEquals(latest(), migrations.migrate(ds));
        Migrations.Script v2 = migrations.scripts().get(1);
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM SCHEMA_VERSION WHERE VERSION = 2 AND CHECKSUM = '"
                + v2.checksum() + "'"));
        Migrations edited = new Migrations(editing(v2.name(), v2.text().replace("MAX", "MIN")));
        assertThrows(IllegalStateException.class, () -> edited.migrate(ds));
    }

    @Test
    void aDatabaseNewerThanTheScriptsRefusesToStart() throws Exception {
        migrations.migrate(ds);
        execute(ds, "INSERT INTO SCHEMA_VERSION (VERSION, SCRIPT, APPLIED_AT, CHECKSUM)"
                + " VALUES (9999, 'V9999__future.sql', CURRENT_TIMESTAMP, 'x')");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> migrations.migrate(ds));
        assertTrue(refused.getMessage().contains("V9999__future.sql"), refused.getMessage());
    }

    @Test
    void twoNodesMigratingOneFreshDatabaseAtOnceApplyEachScriptExactlyOnce() throws Exception {
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                DataSource db = fresh();
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Integer>> versions = new ArrayList<>();
                for (int node = 0; node < 2; node++) {
                    versions.add(nodes.submit(() -> {
                        together.await();
                        return new Migrations(getClass().getClassLoader()).migrate(db);
                    }));
                }
                for (Future<Integer> version : versions) {
                    assertEquals(latest(), version.get());
                }
                assertEquals(migrations.scripts().size(), count(db, "SELECT COUNT(*) FROM SCHEMA_VERSION"));
                // the scripts' inserts ran once each (ID_SEQUENCE has no duplicates, but a script run twice fails)
                assertEquals(count(db, "SELECT COUNT(DISTINCT SEQ_NAME) FROM ID_SEQUENCE"),
                        count(db, "SELECT COUNT(*) FROM ID_SEQUENCE"));
            }
        } finally {
            nodes.shutdownNow();
        }
    }

    @Test
    void version4VersionsEveryRecordAndGivesEachDeviceItsOwnershipSinceRegistration() throws Exception {
        assertEquals(3, migrations.migrate(ds, 3));
        execute(ds, "INSERT INTO ORGANISATION (ID, NAME, CUSTOMER_ACCOUNT, SYSTEM_ACCOUNT, MARKET)"
                + " VALUES (7, 'A', '1', 'S1', 'NO')",
                "INSERT INTO DEVICE (ID, ORGANISATION_ID, VENDOR, MODEL, FORMAT, SERIAL_NUMBER, REMOTELY_MONITORED)"
                + " VALUES (40, 7, 'canon', 'm', 'A4_MONO', 'SN1', 0)");
        assertTrue(migrations.migrate(ds) >= 4);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT DEVICE_ID, ORGANISATION_ID, OWNED_FROM, OWNED_TO"
                    + " FROM DEVICE_OWNERSHIP")) {
                assertTrue(rs.next());
                assertEquals(40, rs.getLong(1));
                assertEquals(7, rs.getLong(2));
                assertEquals(null, rs.getDate(3));
                assertEquals(null, rs.getDate(4));
            }
        }
        assertEquals(0, count(ds, "SELECT VERSION FROM DEVICE WHERE ID = 40"));
        assertEquals(40, count(ds, "SELECT SEQ_COUNT FROM ID_SEQUENCE WHERE SEQ_NAME = 'DEVICE_OWNERSHIP'"),
                "new periods are numbered after the ones the migration made");
    }

    @Test
    void version5KeepsOrderNumbersUniqueAndEveryOutboxRowUntilSent() throws Exception {
        migrations.migrate(ds);
        execute(ds, ORGANISATION, String.format(DEVICE, 1), "INSERT INTO CONTRACT (ID, ORGANISATION_ID, VENDOR,"
                + " MARKET, PACKAGE_CODE, START_DATE, TERMS_VERSION, PACKAGE_SNAPSHOT, SIGNED_AT) VALUES (1, 1, 'canon',"
                + " 'NO', 'P', CAST('2026-01-01' AS DATE), 'v1', '{}', CURRENT_TIMESTAMP)");
        String order = "INSERT INTO SERVICE_ORDER (ID, ORDER_NUMBER, ORGANISATION_ID, DEVICE_ID, CONTRACT_ID, KIND,"
                + " CHANNEL, STATE, MARKET, REGISTERED_AT, REGISTERED_BY) VALUES (%d, 'SO-2026-1', 1, 1, 1, 'REPAIR',"
                + " 'WEB', 'REGISTERED', 'NO', CURRENT_TIMESTAMP, 'test')";
        execute(ds, String.format(order, 1));
        SQLException duplicate = assertThrows(SQLException.class, () -> execute(ds, String.format(order, 2)));
        assertEquals("23505", duplicate.getSQLState());
        execute(ds, "INSERT INTO OUTBOX (ID, CREATED_AT, RECIPIENT, SUBJECT, BODY, NEXT_ATTEMPT)"
                + " VALUES (1, CURRENT_TIMESTAMP, 'a@b.no', 's', 'b', CURRENT_TIMESTAMP)");
        assertEquals(1, count(ds, "SELECT COUNT(*) FROM OUTBOX WHERE ATTEMPTS = 0 AND SENT_AT IS NULL"));
    }

    @Test
    void splitsOnSemicolonsOutsideLiteralsQuotedNamesDollarQuotesAndComments() {
        String script = "-- a comment; not a statement\n"
                + "CREATE TABLE A (X INT, \"odd;name\" VARCHAR(9));\n"
                + "/* a block; comment */ INSERT INTO A VALUES (1, 'it''s; fine');\n"
                + "INSERT INTO A VALUES (2, '--not a comment') ; \n"
                + "CREATE FUNCTION f() RETURNS INT AS $body$ SELECT 1; $body$ LANGUAGE SQL;\n"
                + "SELECT $$a;b$$";
        assertEquals(List.of("CREATE TABLE A (X INT, \"odd;name\" VARCHAR(9))",
                "INSERT INTO A VALUES (1, 'it''s; fine')",
                "INSERT INTO A VALUES (2, '--not a comment')",
                "CREATE FUNCTION f() RETURNS INT AS $body$ SELECT 1; $body$ LANGUAGE SQL",
                "SELECT $$a;b$$"), Migrations.statements(script));
        assertThrows(IllegalArgumentException.class, () -> Migrations.statements("INSERT INTO A VALUES ('open;"));
    }

    @Test
    void placeholdersBecomeTheDialectsTypesAndUnknownOnesAreRefused() {
        Migrations.Script script = new Migrations.Script(9, "V9__x.sql", "CREATE TABLE T (S ${clob} NOT NULL)");
        assertEquals("CREATE TABLE T (S CLOB NOT NULL)", Migrations.Dialect.DERBY.substitute(script));
        assertEquals("CREATE TABLE T (S TEXT NOT NULL)", Migrations.Dialect.POSTGRESQL.substitute(script));
        Migrations.Script unknown = new Migrations.Script(9, "V9__x.sql", "CREATE TABLE T (S ${blob})");
        assertThrows(IllegalStateException.class, () -> Migrations.Dialect.DERBY.substitute(unknown));
    }

    @Test
    void theChecksumIsOfTheScriptAsWrittenWhateverItsLineEndings() {
        assertEquals(new Migrations.Script(1, "V1", "A;\nB;").checksum(),
                new Migrations.Script(1, "V1", "A;\r\nB;").checksum());
    }

    /** The project's scripts, with one of them reading {@code text} instead. */
    private ClassLoader editing(String name, String text) {
        return new ClassLoader(getClass().getClassLoader()) {
            @Override
            public InputStream getResourceAsStream(String resource) {
                return resource.equals("db/migration/" + name)
                        ? new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))
                        : super.getResourceAsStream(resource);
            }
        };
    }
}
