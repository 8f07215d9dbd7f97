package org.mvoting.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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

    /** The test database's name (from its JDBC URL). */
    static String name() {
        String url = System.getProperty("mvoting.test.db.url");
        String path = url.substring(url.indexOf("//") + 2);
        path = path.substring(path.indexOf('/') + 1);
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    /**
     * The server's superuser on the maintenance database, to take the test database (and only it) away from the
     * application: postgres with trust auth on 127.0.0.1, both for the machine's PostgreSQL and the embedded one
     * (mvoting.test.db.admin.user/.password if yours differs).
     */
    static Connection superuser() throws SQLException {
        String url = System.getProperty("mvoting.test.db.url");
        int slash = url.indexOf('/', url.indexOf("//") + 2);
        return DriverManager.getConnection(url.substring(0, slash) + "/postgres",
                System.getProperty("mvoting.test.db.admin.user", "postgres"),
                System.getProperty("mvoting.test.db.admin.password", ""));
    }

    /** An outage of the application's database only: no new connections, and every open one cut. */
    static void cutOff() {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + name() + " WITH ALLOW_CONNECTIONS false");
            s.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name()
                    + "' AND pid <> pg_backend_pid()");
        } catch (SQLException e) {
            throw new IllegalStateException("could not take the test database away", e);
        }
    }

    /** Ends the outage {@link #cutOff} started. */
    static void restore() {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("ALTER DATABASE " + name() + " WITH ALLOW_CONNECTIONS true");
        } catch (SQLException e) {
            throw new IllegalStateException("could not give the test database back", e);
        }
    }
}
