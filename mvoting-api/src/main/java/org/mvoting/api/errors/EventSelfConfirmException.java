package org.mvoting.api.errors;

/**
 * Four eyes: whoever entered a paper count or issued tokens cannot confirm them; another operator of the event or the
 * department head must. {@code enteredBy} is the one who entered it.
 */
public class EventSelfConfirmException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventSelfConfirmException(String enteredBy) {
        super(ErrorKind.FORBIDDEN, "event-self-confirm", enteredBy);
    }
}
