package org.mvoting.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster test's own PostgreSQL dies whole on {@code kill -9} and comes back on the same port with every committed
 * row (crash recovery), the application's role included: what step (f) of the cluster test relies on.
 */
class ClusterDatabaseTest {

    @Test
    void killedAndStartedAgainItKeepsEveryCommittedRowOnTheSamePort(@TempDir Path data) throws Exception {
        int port = 25437;
        String url = "jdbc:postgresql://127.0.0.1:" + port + "/mvoting_crash";
        try (ClusterDatabase db = ClusterDatabase.start(port, "mvoting_crash", "mvoting_crash", "secret", data.resolve("pg"))) {
            try (Connection c = DriverManager.getConnection(url, "mvoting_crash", "secret"); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE vote (id int PRIMARY KEY)");
                s.execute("INSERT INTO vote SELECT generate_series(1, 1000)");
            }
            long pid = db.postmasterPid();
            Connection open = DriverManager.getConnection(url, "mvoting_crash", "secret");
            db.kill();
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the postmaster is dead");
            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "mvoting_crash", "secret"));
            assertThrows(SQLException.class, () -> open.createStatement().execute("SELECT 1"), "its clients lost it");

            db.restart();
            assertTrue(db.postmasterPid() != pid, "a new postmaster");
            try (Connection c = DriverManager.getConnection(url, "mvoting_crash_app", "secret");
                 Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT 1")) {
                assertTrue(r.next(), "the application's role logs in again");
            }
            try (Connection c = DriverManager.getConnection(url, "mvoting_crash", "secret");
                 Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM vote")) {
                r.next();
                assertEquals(1000, r.getLong(1), "every committed row is back");
            }
        }
    }
}
