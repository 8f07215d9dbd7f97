package org.mvoting.api.errors;

import org.mvoting.api.polls.AssuranceLevel;

/**
 * The poll needs a stronger proof of identity than the voter presented: a phone sign-in (401, so clients go
 * to the sign-in), or a certificate sign-in (403 certificate-required: a phone sign-in does not help).
 */
public class InsufficientAssuranceException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InsufficientAssuranceException(AssuranceLevel required) {
        super(required == AssuranceLevel.CERTIFICATE ? ErrorKind.FORBIDDEN : ErrorKind.UNAUTHENTICATED,
                required == AssuranceLevel.CERTIFICATE ? "certificate-required" : "sign-in-required");
    }

    /**
     * A certificate voter in a poll that does not require certificates (403 certificate-sign-in-not-accepted): their
     * key is not their phone's, so admitting them would let one person vote twice, by certificate and by phone.
     */
    public static InsufficientAssuranceException certificateNotAccepted() {
        return new InsufficientAssuranceException();
    }

    private InsufficientAssuranceException() {
        super(ErrorKind.FORBIDDEN, "certificate-sign-in-not-accepted");
    }
}
