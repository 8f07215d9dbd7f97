package org.mvoting.api.errors;

/** There is nothing waiting for confirmation here (decided already by someone else, or never entered). */
public class EventNothingPendingException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventNothingPendingException() {
        super(ErrorKind.CONFLICT, "event-nothing-pending");
    }
}
