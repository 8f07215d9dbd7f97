package org.mvoting.infrastructure.mobileoffice;

/** The mobile office refused the notice (HTTP 4xx): sending it again would be refused again, so it is not retried. */
public class MobileOfficeRejectedException extends MobileOfficeDeliveryException {

    private static final long serialVersionUID = 1L;

    public MobileOfficeRejectedException(String message) {
        super(message);
    }
}
