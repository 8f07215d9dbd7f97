package org.mvoting.api.errors;

/** The poll needs a stronger proof of identity than the voter presented. */
public class InsufficientAssuranceException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InsufficientAssuranceException(String required) {
        super(ErrorKind.FORBIDDEN, "assurance-too-low", required);
    }
}
