package org.mvoting.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Starts a real PostgreSQL (binaries from the io.zonky.test Maven artifact) for the run command and the
 * test command when no database is configured, and creates its two roles and the database in it: the schema owner
 * ({@code user}, who owns the database and runs the migrations) and the application's role ({@link #applicationRole},
 * the owner's name + {@code _app}, same password), which the schema owner grants what it may do at deploy.
 * It runs inside the Maven process (exec:java) and stops when Maven exits; the test command also stops it explicitly
 * after the integration tests ({@code stop <dataDir>}), because a shutdown hook of exec:java's unloaded classes may
 * not run to the end and left the database running.
 *
 * <p>Arguments: port, database, user, password, data directory; or {@code stop} and the data directory.
 */
public final class EmbeddedDatabase {

    private EmbeddedDatabase() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length == 2 && args[0].equals("stop")) {
            stop(Path.of(args[1]), "Stopping the embedded PostgreSQL the integration tests used");
            return;
        }
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "usage: EmbeddedDatabase <port> <database> <user> <password> <dataDir> | stop <dataDir>");
        }
        int port = Integer.parseInt(args[0]);
        String database = args[1];
        String user = args[2];
        String password = args[3];
        Path dataDirectory = Path.of(args[4]);
        EmbeddedPostgres postgres = start(port, database, user, password, dataDirectory);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("Embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }, "embedded-postgres-stop"));
        System.out.printf("Embedded PostgreSQL is up: jdbc:postgresql://127.0.0.1:%d/%s (user %s); it stops with Maven.%n",
                port, database, user);
    }

    /**
     * A fresh PostgreSQL in {@code dataDirectory} with the application's role and database. Commits are durable, as in
     * production: the library's default {@code synchronous_commit=off} could lose acknowledged votes in a crash.
     */
    static EmbeddedPostgres start(int port, String database, String user, String password, Path dataDirectory)
            throws IOException, SQLException {
        stopLeftover(dataDirectory);
        requireFree(port);
        deleteRecursively(dataDirectory); // left over when an earlier Maven was killed
        EmbeddedPostgres postgres = server(port, dataDirectory);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + identifier(user) + " LOGIN PASSWORD '" + password.replace("'", "''") + "'");
            s.execute("CREATE DATABASE " + identifier(database) + " OWNER " + identifier(user));
            s.execute("CREATE ROLE " + identifier(applicationRole(user)) + " LOGIN PASSWORD '"
                    + password.replace("'", "''") + "'");
        }
        return postgres;
    }

    /**
     * The server again on a data directory {@link #start} made, after it stopped or was killed: no initdb, the same
     * port, crash recovery from the WAL. Returns once it accepts connections.
     */
    static EmbeddedPostgres restart(int port, Path dataDirectory) throws IOException {
        if (!Files.exists(dataDirectory.resolve("postgresql.conf"))) {
            throw new IllegalStateException(dataDirectory + " holds no database to start again");
        }
        requireFree(port);
        return server(port, dataDirectory);
    }

    private static EmbeddedPostgres server(int port, Path dataDirectory) throws IOException {
        return EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false) // cleaned at the next start: the library's own cleanup runs after exec:java unloaded it
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                // crash recovery replays the WAL written since the last checkpoint: may take longer than the default 10 s
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .start();
    }

    /** The application's login beside the schema owner {@code owner}: the same convention in the run and test commands. */
    public static String applicationRole(String owner) {
        return owner + "_app";
    }

    /**
     * A PostgreSQL still running in our own data directory was left by an earlier Maven that could not stop
     * it (killed, or its shutdown hook cut short): stop it, so this run can start cleanly.
     */
    private static void stopLeftover(Path dataDirectory) throws IOException {
        stop(dataDirectory, "Stopping the embedded PostgreSQL an earlier run left");
    }

    private static void stop(Path dataDirectory, String what) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(pidFile).get(0).strip());
        } catch (RuntimeException unreadable) {
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(pid)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        if (leftover.isPresent()) {
            System.out.println(what + " in " + dataDirectory + " (pid " + pid + ")");
            leftover.get().destroy();
            try {
                leftover.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                leftover.get().destroyForcibly();
            }
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void requireFree(int port) throws IOException {
        try (ServerSocket probe = new ServerSocket(port)) {
            probe.setReuseAddress(true);
        } catch (IOException taken) {
            throw new IOException("Port " + port + " is taken: is an earlier embedded PostgreSQL (or another"
                    + " server) still running? Stop it, or point MVOTING_DB_URL / MVOTING_TEST_DB_URL at a database.", taken);
        }
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
        return name;
    }
}
