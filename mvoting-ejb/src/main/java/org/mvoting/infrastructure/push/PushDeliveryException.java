package org.mvoting.infrastructure.push;

/** The gateway did not accept the notification; delivery will be retried. */
public class PushDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PushDeliveryException(String message) {
        super(message);
    }

    public PushDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
