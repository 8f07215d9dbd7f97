package org.mvoting.infrastructure.messaging;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import org.mvoting.domain.messaging.OutboxMessage;

/** Records delivery outcomes in their own transactions, so they survive the delivery's rollback. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxAttempts {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    public void recordFailure(UUID id, String error) {
        OutboxMessage message = em.find(OutboxMessage.class, id);
        if (message != null) {
            message.recordFailedAttempt(error);
        }
    }

    public void markFailed(UUID id) {
        OutboxMessage message = em.find(OutboxMessage.class, id);
        if (message != null && message.isPending()) {
            message.markFailed();
        }
    }
}
