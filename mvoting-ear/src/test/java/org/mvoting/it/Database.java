package org.mvoting.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Direct JDBC to the test database, to check what the API claims against what is stored. */
final class Database {

    private Database() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(System.getProperty("mvoting.test.db.url"),
                System.getProperty("mvoting.test.db.user"), System.getProperty("mvoting.test.db.password"));
    }

    static long count(String sql, Object... parameters) {
        List<List<Object>> rows = rows(sql, parameters);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    static List<List<Object>> rows(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= columns; i++) {
                        row.add(r.getObject(i));
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Ballots recorded for a poll, mixed or still waiting in the sealed inbox. */
    static long recordedBallots(String pollId) {
        return count("SELECT (SELECT count(*) FROM ballot WHERE poll_id = ?::uuid)"
                + " + (SELECT count(*) FROM ballot_inbox WHERE poll_id = ?::uuid)", pollId, pollId);
    }

    /** Waits until the mixer has moved every waiting ballot of the poll (or of all polls, for null). */
    static void awaitMixed(String pollId) {
        long deadline = System.currentTimeMillis() + 30_000;
        while ((pollId == null ? count("SELECT count(*) FROM ballot_inbox")
                : count("SELECT count(*) FROM ballot_inbox WHERE poll_id = ?::uuid", pollId)) > 0) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("ballots still waiting to be mixed after 30 s");
            }
            Citizens.sleep(200);
        }
    }

    static void execute(String sql, Object... parameters) {
        try (Connection c = connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
