package org.mvoting.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded PostgreSQL of the run command and the test command keeps acknowledged votes through a crash (durable
 * commits, fsync), and listens on ports a client's outgoing connection can never take.
 */
class EmbeddedDatabaseTest {

    /** The lowest port Linux hands out for outgoing connections by default (net.ipv4.ip_local_port_range). */
    private static final int EPHEMERAL_FROM = 32768;

    @Test
    void commitsAreDurableAsInProduction(@TempDir Path data) throws Exception {
        int port = 25439;
        try (EmbeddedPostgres postgres = EmbeddedDatabase.start(port, "mvoting_check", "mvoting_check", "secret", data.resolve("pg"));
             Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/mvoting_check",
                     "mvoting_check", "secret");
             Statement s = c.createStatement()) {
            assertEquals("on", show(s, "synchronous_commit"));
            assertEquals("on", show(s, "fsync"));
            // the application's own login exists beside the owner, and owns nothing
            try (Connection app = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/mvoting_check",
                    "mvoting_check_app", "secret"); Statement a = app.createStatement();
                 java.sql.ResultSet r = a.executeQuery("SELECT datdba::regrole::text FROM pg_database"
                         + " WHERE datname = current_database()")) {
                r.next();
                assertEquals("mvoting_check", r.getString(1));
            }
        }
    }

    @Test
    void stoppingByItsDataDirectoryLeavesNothingRunning(@TempDir Path data) throws Exception {
        int port = 25438;
        Path directory = data.resolve("pg");
        EmbeddedPostgres postgres = EmbeddedDatabase.start(port, "mvoting_stop", "mvoting_stop", "secret", directory);
        try {
            long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).get(0).strip());
            assertTrue(ProcessHandle.of(pid).isPresent(), "running");
            EmbeddedDatabase.main(new String[] {"stop", directory.toString()});
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "stopped");
            try (java.net.ServerSocket free = new java.net.ServerSocket(port)) {
                assertTrue(free.isBound(), "the port is free again");
            }
        } finally {
            try {
                postgres.close();
            } catch (java.io.IOException alreadyStopped) {
                // stopped above, as intended
            }
        }
    }

    @Test
    void theEmbeddedDatabasesListenBelowTheEphemeralPorts() throws Exception {
        String pom = Files.readString(Path.of("pom.xml"));
        for (String property : new String[] {"mvoting.test.db.port", "mvoting.run.db.port", "mvoting.cluster.db.port"}) {
            Matcher m = Pattern.compile("<" + Pattern.quote(property) + ">(\\d+)</").matcher(pom);
            assertTrue(m.find(), property);
            int port = Integer.parseInt(m.group(1));
            assertTrue(port < EPHEMERAL_FROM, property + " = " + port);
        }
    }

    private static String show(Statement s, String setting) throws Exception {
        try (ResultSet r = s.executeQuery("SHOW " + setting)) {
            r.next();
            return r.getString(1);
        }
    }
}
