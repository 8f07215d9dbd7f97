package org.mvoting.api.errors;

/** The event question is not closed yet: only a closed question is announced or carried forward. */
public class EventQuestionNotClosedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventQuestionNotClosedException() {
        super(ErrorKind.INVALID, "event-question-not-closed");
    }
}
