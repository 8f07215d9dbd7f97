package org.mvoting.api.errors;

/** A valid mobile number outside the countries (prefixes) SMS may go to (MVOTING_SMS_ALLOWED_PREFIXES). */
public class PhoneCountryNotAllowedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public PhoneCountryNotAllowedException() {
        super(ErrorKind.INVALID, "phone-country-not-allowed");
    }
}
