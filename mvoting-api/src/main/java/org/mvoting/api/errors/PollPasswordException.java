package org.mvoting.api.errors;

/** A password-protected poll was asked for a ballot without its password, or with a wrong one. */
public class PollPasswordException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public PollPasswordException(boolean given) {
        super(ErrorKind.FORBIDDEN, given ? "poll-password-wrong" : "poll-password-required");
    }
}
