package org.mvoting.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.sms.SmsDeliveryException;
import org.mvoting.infrastructure.sms.SmsGateways;

/**
 * Delivers outbox messages announced on the queue. A failed delivery is recorded (in its own transaction)
 * and the message rolled back for redelivery; after the queue's maximum attempts it goes to the dead-letter
 * queue (see wildfly-config/messaging.cli). Redelivery of an already sent message does nothing.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = OutboxRelay.QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
public class OutboxDeliveryListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(OutboxDeliveryListener.class.getName());

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Inject
    private SmsGateways gateways;

    @Inject
    private OutboxAttempts attempts;

    @Inject
    private AdvisoryLocks locks;

    @Resource
    private MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        UUID id = messageId(message);
        // A redelivery and a sweeper's re-announcement of the same message must not both send it. An advisory
        // lock, not a row lock: recording a failed attempt (its own transaction) must still update the row.
        locks.exclusive(AdvisoryLocks.Space.OUTBOX, id);
        OutboxMessage outgoing = em.find(OutboxMessage.class, id);
        if (outgoing == null || !outgoing.isPending()) {
            return;
        }
        try {
            gateways.current().send(outgoing.id(), outgoing.recipient(), outgoing.body());
            outgoing.markSent(Instant.now());
        } catch (SmsDeliveryException e) {
            LOG.log(Level.WARNING, "SMS delivery failed for outbox message " + id + "; will retry", e);
            attempts.recordFailure(id, e.getMessage());
            context.setRollbackOnly();
        }
    }

    static UUID messageId(Message message) {
        try {
            return UUID.fromString(((TextMessage) message).getText());
        } catch (JMSException | ClassCastException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not an outbox announcement: " + message, e);
        }
    }
}
