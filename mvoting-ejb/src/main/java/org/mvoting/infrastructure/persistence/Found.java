package org.mvoting.infrastructure.persistence;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * What {@code em.find} found, trusted as "not there" only while the transaction can still read. When the database
 * connection breaks, WildFly's pool marks the transaction rollback-only at once, and Hibernate 6.6's find then
 * answers null instead of failing: a poll would be "not found" (a 404 a phone app may give up on) while the database
 * is merely away. Such a null is a lost connection (SQLState 08003), which the web tier answers 503 with Retry-After.
 * Found by the two-node test's step (f), PostgreSQL killed under load.
 */
final class Found {

    private Found() {
    }

    static <T> Optional<T> of(T entity) {
        return of(entity, Found::rollbackOnly);
    }

    static <T> Optional<T> of(T entity, BooleanSupplier rollbackOnly) {
        if (entity == null && rollbackOnly.getAsBoolean()) {
            throw new PersistenceException("A read found nothing in a transaction already marked for rollback",
                    new SQLTransientConnectionException("the database connection was lost before the read", "08003"));
        }
        return Optional.ofNullable(entity);
    }

    private static boolean rollbackOnly() {
        try {
            TransactionSynchronizationRegistry registry = (TransactionSynchronizationRegistry)
                    new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry");
            return registry.getTransactionStatus() == Status.STATUS_MARKED_ROLLBACK;
        } catch (NamingException | RuntimeException e) {
            return false; // outside a container transaction there is nothing to distrust
        }
    }
}
