package org.mvoting.api.errors;

/** Only a rehearsal is wiped: a real event's participants and records stay. */
public class EventNotRehearsalException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventNotRehearsalException() {
        super(ErrorKind.INVALID, "event-not-rehearsal");
    }
}
