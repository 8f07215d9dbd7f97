package org.mvoting.infrastructure.messaging;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.infrastructure.metrics.NodeCounters;
import org.mvoting.infrastructure.persistence.OutboxRepository;

/** Records delivery outcomes in their own transactions, so they survive the delivery's rollback. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OutboxAttempts {

    @Inject
    private OutboxRepository messages;

    @Inject
    private NodeCounters counters;

    public void recordFailure(UUID id, String error) {
        OutboxMessage message = messages.find(id).orElse(null);
        if (message != null) {
            message.recordFailedAttempt(error);
        }
    }

    public void markFailed(UUID id) {
        OutboxMessage message = messages.find(id).orElse(null);
        if (message != null && message.isPending()) {
            message.markFailed();
            counters.gatewayFailed(message.channel().name(), NodeCounters.GatewayFailure.GAVE_UP);
        }
    }
}
