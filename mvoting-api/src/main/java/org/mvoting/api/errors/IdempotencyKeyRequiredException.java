package org.mvoting.api.errors;

/** Casting needs a random Idempotency-Key: a UUID, or 22 to 64 letters, digits, '-' or '_'. */
public class IdempotencyKeyRequiredException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyRequiredException() {
        super(ErrorKind.BAD_REQUEST, "idempotency-key-required");
    }
}
