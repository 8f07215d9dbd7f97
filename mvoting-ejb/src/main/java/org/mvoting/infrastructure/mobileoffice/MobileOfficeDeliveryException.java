package org.mvoting.infrastructure.mobileoffice;

/** The mobile office did not accept the notice; delivery will be retried. */
public class MobileOfficeDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MobileOfficeDeliveryException(String message) {
        super(message);
    }

    public MobileOfficeDeliveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
