package org.mvoting.api.errors;

/** The event question is still prepared: results and paper counts come after voting opened. */
public class EventQuestionNotOpenedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventQuestionNotOpenedException() {
        super(ErrorKind.INVALID, "event-question-not-opened");
    }
}
