package org.mvoting.infrastructure.sms;

import java.util.UUID;

/** Sends one text message. Implementations throw {@link SmsDeliveryException} when it did not go out. */
public interface SmsGateway {

    /** {@code messageId} identifies the message so that a gateway can drop duplicates on redelivery. */
    void send(UUID messageId, String recipientE164, String text);
}
