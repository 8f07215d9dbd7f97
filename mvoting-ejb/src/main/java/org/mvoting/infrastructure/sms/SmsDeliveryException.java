package org.mvoting.infrastructure.sms;

/** The gateway did not accept the message; delivery will be retried. */
public class SmsDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SmsDeliveryException(String message) {
        super(message);
    }

    public SmsDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
