package org.mvoting.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;
import java.util.logging.Logger;

/** Marks outbox messages whose retries ran out, so operators see them as failed rather than pending. */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = OutboxRelay.DEAD_LETTER_QUEUE),
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
        @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1")
})
public class OutboxDeadLetterListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(OutboxDeadLetterListener.class.getName());

    @Inject
    private OutboxAttempts attempts;

    @Override
    public void onMessage(Message message) {
        UUID id = OutboxDeliveryListener.messageId(message);
        LOG.warning(() -> "Outbox message " + id + " exhausted its delivery attempts");
        attempts.markFailed(id);
    }
}
