package org.mvoting.api.errors;

/** No poll has this id (or it was removed). */
public class PollNotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public PollNotFoundException(Object pollId) {
        super(ErrorKind.NOT_FOUND, "poll-not-found", pollId);
    }
}
