package org.mvoting.api.errors;

/** The poll exists but does not accept ballots now. */
public class PollNotOpenException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public PollNotOpenException(String status) {
        super(ErrorKind.CONFLICT, "poll-not-open", status);
    }
}
