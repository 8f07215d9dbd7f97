package org.mvoting.api.errors;

/** The poll's definition breaks a rule (missing options, schedule backwards, ...); {@code reason} names which. */
public class InvalidPollException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InvalidPollException(String reason, Object... arguments) {
        super(ErrorKind.INVALID, "poll-" + reason, arguments);
    }
}
