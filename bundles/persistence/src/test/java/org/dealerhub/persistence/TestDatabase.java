package org.dealerhub.persistence;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A fresh, empty database for one test, on the database the system property {@code dealerhub.test.db} chooses, in
 * this one place for the persistence and core tests: {@code derby} (the default) is an in-memory Derby database,
 * {@code postgresql} a new schema on the server at {@code dealerhub.test.pg.url} (started by
 * {@code scripts/postgres-test.sh}, user and password {@code dealerhub.test.pg.user} and {@code .password}).
 * Closing drops it.
 */
public final class TestDatabase implements AutoCloseable {

    /** Whether the tests of this run are on PostgreSQL. */
    public static final boolean POSTGRESQL = "postgresql".equals(System.getProperty("dealerhub.test.db", "derby"));

    private static final String PG_URL = System.getProperty("dealerhub.test.pg.url",
            "jdbc:postgresql://localhost:55432/dealerhub");
    private static final String PG_USER = System.getProperty("dealerhub.test.pg.user", "dealerhub");
    private static final String PG_PASSWORD = System.getProperty("dealerhub.test.pg.password", "dealerhub");

    private final String name = "t" + UUID.randomUUID().toString().replace("-", "");
    private final DataSource dataSource;

    private TestDatabase() throws SQLException {
        if (POSTGRESQL) {
            admin("CREATE SCHEMA " + name);
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(PG_URL);
            pg.setUser(PG_USER);
            pg.setPassword(PG_PASSWORD);
            pg.setCurrentSchema(name);
            dataSource = pg;
        } else {
            EmbeddedDataSource derby = new EmbeddedDataSource();
            derby.setDatabaseName("memory:" + name);
            derby.setCreateDatabase("create");
            dataSource = derby;
        }
    }

    public static TestDatabase fresh() throws SQLException {
        return new TestDatabase();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    @Override
    public void close() {
        try {
            if (POSTGRESQL) {
                admin("DROP SCHEMA " + name + " CASCADE");
                return;
            }
            EmbeddedDataSource drop = new EmbeddedDataSource();
            drop.setDatabaseName("memory:" + name);
            drop.setConnectionAttributes("drop=true");
            try (Connection c = drop.getConnection()) {
                throw new IllegalStateException("Derby did not drop " + name);
            } catch (SQLException dropped) {
                // 08006: dropped; XJ004: never created
                if (!"08006".equals(dropped.getSQLState()) && !"XJ004".equals(dropped.getSQLState())) {
                    throw dropped;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop the test database " + name, e);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, PG_PASSWORD);
                Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
