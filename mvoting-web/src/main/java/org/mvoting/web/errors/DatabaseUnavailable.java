package org.mvoting.web.errors;

import java.sql.SQLException;
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
    private static final int MAX_DEPTH = 20;

    private DatabaseUnavailable() {
    }

    /** Whether {@code thrown}, or anything it wraps, says the database cannot be reached. */
    public static boolean causedBy(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            if (t.getClass().getName().endsWith(".JDBCConnectionException")) {
                return true;
            }
            if (t instanceof SQLException sql && unavailable(sql)) {
                return true;
            }
            if ((t instanceof SQLException || t.getClass().getName().startsWith("jakarta.resource."))
                    && t.getMessage() != null && mentionsConnection(t.getMessage())) {
                return true;
            }
            t = t.getCause() == t ? null : t.getCause();
        }
        return false;
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
