package org.mvoting.api.errors;

import org.mvoting.api.polls.AssuranceLevel;

/**
 * The poll needs a stronger proof of identity than the voter presented: a phone sign-in (401, so clients go
 * to the sign-in), or a certificate, which mVoting cannot check yet (403 with a message saying so).
 */
public class InsufficientAssuranceException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InsufficientAssuranceException(AssuranceLevel required) {
        super(required == AssuranceLevel.CERTIFICATE ? ErrorKind.FORBIDDEN : ErrorKind.UNAUTHENTICATED,
                required == AssuranceLevel.CERTIFICATE ? "certificate-not-supported" : "sign-in-required");
    }
}
