package org.mvoting.api.errors;

/** The idempotency key was already used for a different ballot. */
public class IdempotencyKeyReusedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyReusedException() {
        super(ErrorKind.CONFLICT, "idempotency-key-reused");
    }
}
