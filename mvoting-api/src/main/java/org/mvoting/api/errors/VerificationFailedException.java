package org.mvoting.api.errors;

import jakarta.ejb.ApplicationException;

/**
 * The one-time code did not verify. Not rolled back: the failed attempt must stay counted, or a
 * guesser could try forever.
 */
@ApplicationException(rollback = false)
public class VerificationFailedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** Why verification failed. */
    public enum Reason { NO_ACTIVE_CODE, EXPIRED, MISMATCH, TOO_MANY_ATTEMPTS }

    private final Reason reason;

    public VerificationFailedException(Reason reason, int attemptsLeft) {
        super(ErrorKind.BAD_REQUEST, "code-" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), attemptsLeft);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
