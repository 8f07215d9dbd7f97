package org.mvoting.api.errors;

/** A rate limit was reached; the caller may try again after {@link #retryAfterSeconds()}. */
public class TooManyRequestsException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public TooManyRequestsException(String limit, long retryAfterSeconds) {
        super(ErrorKind.RATE_LIMITED, "rate-limited-" + limit, retryAfterSeconds);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
