package org.mvoting.infrastructure.mail;

import java.util.UUID;

/**
 * Sends one e-mail to a member of staff. Implementations throw {@link MailDeliveryException} when it did not go out
 * and a retry may help, {@link MailRejectedException} when the mail server refused the address for good.
 */
public interface StaffMailer {

    void send(UUID messageId, String staffId, String address, String subject, String body);
}
