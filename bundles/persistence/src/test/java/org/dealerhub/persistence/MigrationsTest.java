package org.dealerhub.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.junit.jupiter.api.Test;

class MigrationsTest {

    private static EmbeddedDataSource memoryDb(String name) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        ds.setDatabaseName("memory:" + name);
        ds.setCreateDatabase("create");
        return ds;
    }

    @Test
    void migratesAnEmptyDatabaseOnceAndRecordsTheVersion() throws Exception {
        EmbeddedDataSource ds = memoryDb("migrate-once");
        Migrations migrations = new Migrations(getClass().getClassLoader());
        int latest = migrations.scripts().get(migrations.scripts().size() - 1).version();

        assertEquals(latest, migrations.migrate(ds));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO ORGANISATION (ID, NAME, CUSTOMER_ACCOUNT, SYSTEM_ACCOUNT, MARKET)"
                    + " VALUES (1, 'Kept AS', '1', 'S1', 'NO')");
        }
        // a second start finds nothing to do and keeps the data
        assertEquals(latest, migrations.migrate(ds));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM SCHEMA_VERSION")) {
            rs.next();
            assertEquals(migrations.scripts().size(), rs.getInt(1));
            try (ResultSet org = st.executeQuery("SELECT NAME FROM ORGANISATION WHERE ID = 1")) {
                assertTrue(org.next());
                assertEquals("Kept AS", org.getString(1));
            }
        }
    }

    @Test
    void thePortalMeter2UniqueConstraintHoldsInTheSchema() throws Exception {
        EmbeddedDataSource ds = memoryDb("meter-unique");
        new Migrations(getClass().getClassLoader()).migrate(ds);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO ORGANISATION (ID, NAME, CUSTOMER_ACCOUNT, SYSTEM_ACCOUNT, MARKET)"
                    + " VALUES (1, 'A', '1', 'S1', 'NO')");
            st.executeUpdate("INSERT INTO DEVICE (ID, ORGANISATION_ID, VENDOR, MODEL, MODEL_FAMILY, FORMAT,"
                    + " SERIAL_NUMBER, REMOTELY_MONITORED) VALUES (1, 1, 'canon', 'iR-ADV C3530', 'C3xxx',"
                    + " 'A3_COLOUR', 'SN1', 0)");
            String reading = "INSERT INTO METER_READING VALUES (%d, 1, DATE('2026-01-05'), 1, 1, 1, 1, 0, 0,"
                    + " CURRENT_TIMESTAMP, 'test')";
            st.executeUpdate(String.format(reading, 1));
            assertThrows(SQLException.class, () -> st.executeUpdate(String.format(reading, 2)));
        }
    }

    @Test
    void version2PointsEachDeviceAtItsNewestExistingReading() throws Exception {
        EmbeddedDataSource ds = memoryDb("v2-backfill");
        Migrations migrations = new Migrations(getClass().getClassLoader());
        assertEquals(1, migrations.migrate(ds, 1));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO ORGANISATION VALUES (1, 'A', '1', 'S1', 'NO')");
            st.executeUpdate("INSERT INTO DEVICE VALUES (1, 1, 'canon', 'm', NULL, 'A4_MONO', 'SN1', NULL, NULL, 0)");
            st.executeUpdate("INSERT INTO DEVICE VALUES (2, 1, 'canon', 'm', NULL, 'A4_MONO', 'SN2', NULL, NULL, 0)");
            String reading = "INSERT INTO METER_READING VALUES (%d, 1, DATE('%s'), 1, 1, 1, 1, 0, 0,"
                    + " CURRENT_TIMESTAMP, 'test')";
            st.executeUpdate(String.format(reading, 10, "2026-01-05"));
            st.executeUpdate(String.format(reading, 11, "2026-02-05"));
            st.executeUpdate(String.format(reading, 12, "2026-01-20"));
        }
        assertTrue(migrations.migrate(ds) >= 2);
        try (Connection c = ds.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT ID, LAST_READING_ID FROM DEVICE ORDER BY ID")) {
            rs.next();
            assertEquals(11, rs.getLong(2));
            rs.next();
            rs.getLong(2);
            assertTrue(rs.wasNull(), "a device without readings points nowhere");
        }
    }

    @Test
    void version4VersionsEveryRecordAndGivesEachDeviceItsOwnershipSinceRegistration() throws Exception {
        EmbeddedDataSource ds = memoryDb("v4-ownership");
        Migrations migrations = new Migrations(getClass().getClassLoader());
        assertEquals(3, migrations.migrate(ds, 3));
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            st.executeUpdate("INSERT INTO ORGANISATION VALUES (7, 'A', '1', 'S1', 'NO')");
            st.executeUpdate("INSERT INTO DEVICE VALUES (40, 7, 'canon', 'm', NULL, 'A4_MONO', 'SN1', NULL, NULL, 0,"
                    + " NULL)");
        }
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
            try (ResultSet rs = st.executeQuery("SELECT VERSION FROM DEVICE WHERE ID = 40")) {
                assertTrue(rs.next());
                assertEquals(0, rs.getLong(1));
            }
            try (ResultSet rs = st.executeQuery("SELECT SEQ_COUNT FROM ID_SEQUENCE WHERE SEQ_NAME = 'DEVICE_OWNERSHIP'")) {
                assertTrue(rs.next());
                assertEquals(40, rs.getLong(1), "new periods are numbered after the ones the migration made");
            }
        }
    }

    @Test
    void splitsScriptsOnStatementEndsAndDropsComments() {
        List<String> statements = Migrations.statements("-- a comment\nCREATE TABLE A (X INT);\n\nINSERT INTO A VALUES (1);\n");
        assertEquals(List.of("CREATE TABLE A (X INT)", "INSERT INTO A VALUES (1)"), statements);
    }
}
