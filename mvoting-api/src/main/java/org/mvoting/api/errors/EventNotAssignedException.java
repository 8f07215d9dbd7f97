package org.mvoting.api.errors;

/**
 * An event operator may act only on the events they are assigned to (the creator is; others are assigned by the
 * creator, the department head or an administrator); {@code eventId} is the event refused.
 */
public class EventNotAssignedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventNotAssignedException(Object eventId) {
        super(ErrorKind.FORBIDDEN, "event-not-assigned", eventId);
    }
}
