package org.mvoting.api.errors;

/** The voter is not in the poll's audience. */
public class NotEligibleException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotEligibleException() {
        super(ErrorKind.FORBIDDEN, "not-eligible");
    }
}
