package org.dealerhub.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Prepared statements kept per connection, on the database {@link TestDatabase} chooses. */
class StatementsTest {

    private static final String SQL = "SELECT COUNT(*) FROM SCHEMA_VERSION WHERE VERSION > ?";

    private final TestDatabase db = TestDatabase.fresh();
    private final Statements statements = new Statements();

    StatementsTest() throws Exception {
        new Migrations(getClass().getClassLoader()).migrate(db.dataSource());
    }

    @AfterEach
    void drop() {
        db.close();
    }

    @Test
    void aConnectionRunsTheSameStatementAgainWithNewParameters() throws SQLException {
        try (Connection c = db.dataSource().getConnection()) {
            PreparedStatement first = statements.prepare(c, SQL);
            assertTrue(count(first, 0) > 0);
            PreparedStatement again = statements.prepare(c, SQL);
            assertSame(first, again);
            assertEquals(0, count(again, Integer.MAX_VALUE));
        }
    }

    @Test
    void eachConnectionHasItsOwnAndAClosedOneIsForgotten() throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Connection other = db.dataSource().getConnection()) {
            assertNotSame(statements.prepare(c, SQL), statements.prepare(other, SQL));
            assertEquals(2, statements.connections());
        }
        try (Connection c = db.dataSource().getConnection()) {
            assertTrue(count(statements.prepare(c, SQL), 0) > 0);
            assertEquals(1, statements.connections());
        }
    }

    private static int count(PreparedStatement st, int above) throws SQLException {
        st.setInt(1, above);
        try (ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
