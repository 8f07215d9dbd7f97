package org.mvoting.infrastructure.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A null from em.find is "not there" only while the transaction can still read. */
class FoundTest {

    @Test
    void somethingFoundIsFoundWhateverTheTransaction() {
        assertEquals(Optional.of("poll"), Found.of("poll", () -> true));
        assertEquals(Optional.of("poll"), Found.of("poll", () -> false));
    }

    @Test
    void nothingFoundInAHealthyTransactionIsNotThere() {
        assertEquals(Optional.empty(), Found.of(null, () -> false));
    }

    @Test
    void nothingFoundInATransactionMarkedForRollbackIsALostConnectionNotAMissingRow() {
        PersistenceException lost = assertThrows(PersistenceException.class, () -> Found.of(null, () -> true));
        assertTrue(lost.getCause() instanceof SQLException);
        assertEquals("08003", ((SQLException) lost.getCause()).getSQLState(), "a connection-class state: 503, not 404");
    }

    @Test
    void outsideAContainerNothingIsDistrusted() {
        assertEquals(Optional.empty(), Found.of(null));
    }
}
