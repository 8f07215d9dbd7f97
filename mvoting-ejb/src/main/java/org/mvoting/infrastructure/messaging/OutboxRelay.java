package org.mvoting.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.Collection;
import java.util.UUID;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.infrastructure.persistence.OutboxRepository;

/**
 * Puts a message in the outbox and announces it on the outbox queue, both in the caller's transaction:
 * the JMS context is the container's transacted one, so the announcement is delivered only if the
 * business change commits. Rows written in bulk with SQL (a push notification per installation) are
 * announced the same way with {@link #announceAll}.
 */
@ApplicationScoped
public class OutboxRelay {

    public static final String QUEUE = "java:/jms/queue/MVotingOutbox";
    public static final String DEAD_LETTER_QUEUE = "java:/jms/queue/MVotingOutboxDLQ";

    @Inject
    private OutboxRepository messages;

    @Inject
    private JMSContext jms;

    @Resource(lookup = QUEUE)
    private Queue outbox;

    public void enqueue(OutboxMessage message) {
        messages.add(message);
        announce(message);
    }

    /** (Again) puts the message's id on the queue; delivery is idempotent, so a repeat does no harm. */
    public void announce(OutboxMessage message) {
        announce(message.id());
    }

    public void announce(UUID messageId) {
        jms.createProducer().send(outbox, messageId.toString());
    }

    /** Announces messages written without an entity (bulk INSERT ... SELECT), in the caller's transaction. */
    public void announceAll(Collection<UUID> messageIds) {
        jakarta.jms.JMSProducer producer = jms.createProducer();
        for (UUID id : messageIds) {
            producer.send(outbox, id.toString());
        }
    }
}
