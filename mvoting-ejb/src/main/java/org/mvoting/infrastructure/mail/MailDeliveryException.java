package org.mvoting.infrastructure.mail;

/** The mail server did not take the e-mail; delivery will be retried. */
public class MailDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MailDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
