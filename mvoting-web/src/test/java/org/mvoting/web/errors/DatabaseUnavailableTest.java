package org.mvoting.web.errors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

    private static EJBException wrapped(Throwable cause) {
        return new EJBException(new PersistenceException("wrapped", cause));
    }

    @Test
    void connectionFailuresInsideTheContainersWrappersAreRecognised() {
        assertTrue(DatabaseUnavailable.causedBy(wrapped(new SQLException("refused", "08001"))));
        assertTrue(DatabaseUnavailable.causedBy(wrapped(new SQLException("terminating connection", "57P01"))));
        assertTrue(DatabaseUnavailable.causedBy(wrapped(new SQLException("too many clients", "53300"))));
        assertTrue(DatabaseUnavailable.causedBy(wrapped(new SQLException(
                "IJ031019: Unable to get managed connection for java:jboss/datasources/MVotingDS"))));
        assertTrue(DatabaseUnavailable.causedBy(wrapped(new SQLException(
                "FATAL: database \"mvoting\" is not currently accepting connections", "55000"))));
        assertTrue(DatabaseUnavailable.causedBy(new PersistenceException("Unable to acquire JDBC Connection",
                new SQLException("IJ031019: Unable to get managed connection"))));
    }

    @Test
    void aCommitCutOffByTheDatabaseIsRecognisedThroughTheSuppressedFailure() {
        // as WildFly throws it when PostgreSQL dies during a one-phase commit: the I/O error only suppressed
        jakarta.transaction.HeuristicMixedException mixed = new jakarta.transaction.HeuristicMixedException();
        Exception local = new Exception("IJ001156: Could not commit local transaction",
                new Exception("An I/O error occurred while sending to the backend.",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        mixed.addSuppressed(local);
        assertTrue(DatabaseUnavailable.causedBy(new EJBException(mixed)));
        // a heuristic outcome for any other reason stays an incident
        jakarta.transaction.HeuristicMixedException other = new jakarta.transaction.HeuristicMixedException();
        other.addSuppressed(new SQLException("duplicate key", "23505"));
        assertFalse(DatabaseUnavailable.causedBy(new EJBException(other)));
    }

    @Test
    void aReadThatFoundNothingAfterTheConnectionBrokeIsRecognised() {
        // what the repositories throw (infrastructure.persistence.Found) instead of a 404 while the database is away
        assertTrue(DatabaseUnavailable.causedBy(wrapped(new jakarta.persistence.PersistenceException("nothing found",
                new java.sql.SQLTransientConnectionException("the database connection was lost before the read", "08003")))));
    }

    @Test
    void aFailureThatWrapsItselfEndsTheSearch() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.addSuppressed(b);
        assertFalse(DatabaseUnavailable.causedBy(b));
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causedBy(wrapped(new SQLException("invalid byte sequence", "22021"))));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("a sealed ballot does not open")));
        assertFalse(DatabaseUnavailable.causedBy(null));
    }
}
