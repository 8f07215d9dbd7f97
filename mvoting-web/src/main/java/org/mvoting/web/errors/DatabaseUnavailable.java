package org.mvoting.web.errors;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Recognises a failure that means "the database cannot be reached right now" inside whatever the EJB container,
 * Hibernate and the connection pool wrapped it in: a connection-class SQLState (08xxx), an administrator's
 * shutdown or crash (57P01..57P03), too many connections (53300), a database that refuses connections
 * ({@code ALTER DATABASE ... ALLOW_CONNECTIONS false}), the pool's "Unable to get managed connection" or its
 * blocking timeout, or Hibernate's JDBCConnectionException. Such a request is answered 503 with Retry-After (a
 * friendly message on portal pages), not as an incident: the pool reconnects by itself once the database is back.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before it tries again (Retry-After). */
    public static final int RETRY_AFTER_SECONDS = 5;
    /** The problem code (REST) and text key (pages). */
    public static final String CODE = "service-unavailable";

    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "53300");
    private static final String[] MESSAGES = {
        "Unable to get managed connection", "No managed connections available", "Unable to acquire JDBC Connection",
        "is not currently accepting connections",
        "An I/O error occurred while sending to the backend", "This connection has been closed",
    };
    /** How many wrapped and suppressed exceptions are looked at, at most. */
    private static final int MAX_EXAMINED = 50;

    private DatabaseUnavailable() {
    }

    /**
     * Whether {@code thrown}, or anything it wraps, says the database cannot be reached. Suppressed exceptions count
     * as well: when the database dies during a commit, the transaction manager throws a bare HeuristicMixedException
     * and keeps the connection's I/O error only as a suppressed exception. The commit's outcome is then unknown, and
     * 503 is still the right answer: a client that tries again with its Idempotency-Key gets the ballot that was
     * committed, or casts it now (the two-node test's step (f) found this as a 500).
     */
    public static boolean causedBy(Throwable thrown) {
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        if (thrown != null) {
            pending.add(thrown);
        }
        while (!pending.isEmpty() && seen.size() < MAX_EXAMINED) {
            Throwable t = pending.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (says(t)) {
                return true;
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
            pending.addAll(Arrays.asList(t.getSuppressed()));
        }
        return false;
    }

    private static boolean says(Throwable t) {
        if (t.getClass().getName().endsWith(".JDBCConnectionException")) {
            return true;
        }
        if (t instanceof SQLException sql && unavailable(sql)) {
            return true;
        }
        return (t instanceof SQLException || t.getClass().getName().startsWith("jakarta.resource."))
                && t.getMessage() != null && mentionsConnection(t.getMessage());
    }

    private static boolean unavailable(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("08") || STATES.contains(state))) {
                return true;
            }
        }
        return false;
    }

    private static boolean mentionsConnection(String message) {
        for (String m : MESSAGES) {
            if (message.contains(m)) {
                return true;
            }
        }
        return false;
    }
}
