package org.mvoting.infrastructure.mail;

/** The mail server refused the address (or the address cannot be written): sending again would be refused again. */
public class MailRejectedException extends MailDeliveryException {

    private static final long serialVersionUID = 1L;

    public MailRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
