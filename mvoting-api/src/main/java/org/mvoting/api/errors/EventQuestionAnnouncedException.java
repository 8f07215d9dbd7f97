package org.mvoting.api.errors;

/** The event question's result was announced as final: its paper counts no longer change. */
public class EventQuestionAnnouncedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventQuestionAnnouncedException() {
        super(ErrorKind.INVALID, "event-question-announced");
    }
}
