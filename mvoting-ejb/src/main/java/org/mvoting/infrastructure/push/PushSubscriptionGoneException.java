package org.mvoting.infrastructure.push;

/**
 * The push service no longer knows the subscription (Web Push: HTTP 404 or 410): the browser unsubscribed or the
 * subscription expired. Not retried, and the installation is removed so that nothing more is sent to it.
 */
public class PushSubscriptionGoneException extends PushRejectedException {

    private static final long serialVersionUID = 1L;

    public PushSubscriptionGoneException(String message) {
        super(message);
    }
}
