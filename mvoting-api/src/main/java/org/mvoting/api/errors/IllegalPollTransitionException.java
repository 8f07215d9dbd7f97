package org.mvoting.api.errors;

/** The poll's lifecycle does not allow this step from its current state. */
public class IllegalPollTransitionException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public IllegalPollTransitionException(String from, String action) {
        super(ErrorKind.CONFLICT, "poll-illegal-transition", from, action);
    }
}
