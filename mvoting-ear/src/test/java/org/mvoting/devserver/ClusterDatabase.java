package org.mvoting.devserver;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The cluster test's own PostgreSQL (the zonky binaries of {@link EmbeddedDatabase}, with its two roles and database),
 * which the test may kill as a crash would and start again on the same data directory and port. The suite's other
 * database, and the machine's shared PostgreSQL, must never be killed: this one belongs to the cluster test alone.
 */
public final class ClusterDatabase implements AutoCloseable {

    private final int port;
    private final Path dataDirectory;
    private EmbeddedPostgres postgres;

    private ClusterDatabase(int port, Path dataDirectory) {
        this.port = port;
        this.dataDirectory = dataDirectory.toAbsolutePath();
    }

    /** A fresh database server (an earlier run's data directory is removed) with the owner, {@code <owner>_app} and the database. */
    public static ClusterDatabase start(int port, String database, String owner, String password, Path dataDirectory)
            throws IOException, SQLException {
        ClusterDatabase db = new ClusterDatabase(port, dataDirectory);
        db.postgres = EmbeddedDatabase.start(port, database, owner, password, db.dataDirectory);
        return db;
    }

    public int port() {
        return port;
    }

    /** The postmaster's process id, from the first line of postmaster.pid in the data directory. */
    public long postmasterPid() throws IOException {
        List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
        return Long.parseLong(lines.get(0).strip());
    }

    /**
     * kill -9 of the postmaster, then of the backends it had: the server dies as in a crash or an out-of-memory kill,
     * with no checkpoint and no goodbye to its clients. Returns once all of them are gone (a backend that sees its
     * postmaster die first exits by itself; one left behind would keep the old shared memory attached and hold the
     * restart back).
     */
    public void kill() throws IOException, InterruptedException {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
                .orElseThrow(() -> new IllegalStateException("no postmaster running in " + dataDirectory));
        List<ProcessHandle> backends = postmaster.descendants().toList();
        postmaster.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        awaitExit(postmaster);
        for (ProcessHandle backend : backends) {
            awaitExit(backend);
        }
    }

    private static void awaitExit(ProcessHandle process) throws InterruptedException {
        try {
            process.onExit().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("process " + process.pid() + " did not die", e);
        }
    }

    /**
     * Starts the server again on the same data directory and port (crash recovery replays the WAL: every committed
     * transaction is back) and returns once it accepts connections.
     */
    public Duration restart() throws IOException {
        long start = System.nanoTime();
        if (postgres != null) {
            // releases the library's lock on the data directory; its pg_ctl stop finds no server and says so in the log
            postgres.close();
        }
        postgres = EmbeddedDatabase.restart(port, dataDirectory);
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() throws IOException {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }
}
