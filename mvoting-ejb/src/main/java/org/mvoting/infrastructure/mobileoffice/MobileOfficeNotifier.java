package org.mvoting.infrastructure.mobileoffice;

import java.util.List;
import java.util.UUID;
import org.mvoting.domain.messaging.PushNotification;

/**
 * Sends one notice to members of staff through the staff mobile office's notification channel. Implementations
 * throw {@link MobileOfficeDeliveryException} when it did not go out and a retry may help,
 * {@link MobileOfficeRejectedException} when the mobile office refused it for good.
 */
public interface MobileOfficeNotifier {

    /** {@code messageId} identifies the message so that the mobile office can drop duplicates on redelivery. */
    void send(UUID messageId, List<String> staffIds, PushNotification notice);
}
