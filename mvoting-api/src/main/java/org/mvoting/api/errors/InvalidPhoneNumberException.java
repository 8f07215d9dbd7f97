package org.mvoting.api.errors;

/** Not a mobile phone number we can send a code to. */
public class InvalidPhoneNumberException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InvalidPhoneNumberException() {
        super(ErrorKind.INVALID, "phone-invalid");
    }
}
