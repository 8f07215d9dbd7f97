package org.mvoting.infrastructure.push;

import java.util.UUID;
import org.mvoting.domain.messaging.PushNotification;

/**
 * Sends one push notification. Implementations throw {@link PushDeliveryException} when it did not go out and a
 * retry may help, {@link PushRejectedException} when the service refused it for good.
 */
public interface PushGateway {

    /** {@code messageId} identifies the message so that a gateway can drop duplicates on redelivery. */
    void send(UUID messageId, PushTarget target, PushNotification notification);
}
