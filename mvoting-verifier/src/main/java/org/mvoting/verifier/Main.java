package org.mvoting.verifier;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * {@code java -jar mvoting-verifier.jar --url jdbc:postgresql://host/db --user auditor_ro [--password ...]}: checks
 * the audit trail and prints what it found. The password may instead come from MVOTING_VERIFIER_PASSWORD (so it
 * stays out of the process list). Exit code 0 intact, 1 tampered, 2 cannot check (usage, connection, schema).
 */
public final class Main {

    public static final int INTACT = 0;
    public static final int TAMPERED = 1;
    public static final int CANNOT_CHECK = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The whole command, without exiting (tests call this). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String url = null;
        String user = null;
        String password = System.getenv("MVOTING_VERIFIER_PASSWORD");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                default -> {
                    err.println("unknown argument: " + args[i]);
                    return usage(err);
                }
            }
            i++;
        }
        if (url == null || user == null) {
            return usage(err);
        }
        Report report;
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            report = Verifier.verify(connection);
        } catch (SQLException e) {
            err.println("cannot check the audit trail: " + e.getMessage());
            return CANNOT_CHECK;
        }
        out.println("chained events: " + report.chainedEvents() + ", checkpoints: " + report.checkpoints()
                + ", events before the chain start (not covered): " + report.eventsBeforeChain());
        if (report.intact()) {
            out.println("INTACT: the chain, every checkpoint and every checkpointed tally recompute");
            return INTACT;
        }
        report.findings().forEach(f -> out.println("TAMPERED " + f));
        return TAMPERED;
    }

    private static int usage(PrintStream err) {
        err.println("usage: java -jar mvoting-verifier.jar --url jdbc:postgresql://host:5432/db --user auditor_ro"
                + " [--password secret | env MVOTING_VERIFIER_PASSWORD]");
        return CANNOT_CHECK;
    }
}
