package org.mvoting.api.errors;

/** A panel profile that cannot be stored: no consent, or a value out of range; {@code reason} names which. */
public class InvalidProfileException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InvalidProfileException(String reason, Object... arguments) {
        super(ErrorKind.INVALID, "profile-" + reason, arguments);
    }
}
