package org.mvoting.api.errors;

/** The self-registration was approved or declined already ({@code status}). */
public class EventRegistrationDecidedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventRegistrationDecidedException(String status) {
        super(ErrorKind.INVALID, "event-registration-decided", status);
    }
}
