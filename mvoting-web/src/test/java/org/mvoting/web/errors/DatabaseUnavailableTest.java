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
    void otherFailuresAreNot() {
        assertFalse(DatabaseUnavailable.causedBy(wrapped(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseUnavailable.causedBy(wrapped(new SQLException("invalid byte sequence", "22021"))));
        assertFalse(DatabaseUnavailable.causedBy(new IllegalStateException("a sealed ballot does not open")));
        assertFalse(DatabaseUnavailable.causedBy(null));
    }
}
