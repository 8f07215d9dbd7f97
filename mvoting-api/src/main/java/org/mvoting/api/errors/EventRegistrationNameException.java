package org.mvoting.api.errors;

/** A self-registration without a name. */
public class EventRegistrationNameException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventRegistrationNameException() {
        super(ErrorKind.INVALID, "event-registration-name");
    }
}
