package org.mvoting.api.errors;

/** Another question of the event is open: the hall votes on one question at a time. */
public class EventQuestionStillOpenException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventQuestionStillOpenException() {
        super(ErrorKind.INVALID, "event-question-still-open");
    }
}
