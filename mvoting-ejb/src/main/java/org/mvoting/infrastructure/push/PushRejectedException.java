package org.mvoting.infrastructure.push;

/** The gateway refused the notification (HTTP 4xx): sending it again would be refused again, so it is not retried. */
public class PushRejectedException extends PushDeliveryException {

    private static final long serialVersionUID = 1L;

    public PushRejectedException(String message) {
        super(message);
    }
}
