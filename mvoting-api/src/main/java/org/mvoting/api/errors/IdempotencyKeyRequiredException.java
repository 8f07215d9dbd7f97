package org.mvoting.api.errors;

/** Casting needs an Idempotency-Key of 16 to 64 letters, digits, '-' or '_'. */
public class IdempotencyKeyRequiredException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public IdempotencyKeyRequiredException() {
        super(ErrorKind.BAD_REQUEST, "idempotency-key-required");
    }
}
