package org.mvoting.api.errors;

/** A sample design that cannot be drawn as stated; the code names the rule ("sample-design-…"). */
public class InvalidSampleDesignException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InvalidSampleDesignException(String reason, Object... arguments) {
        super(ErrorKind.INVALID, "sample-design-" + reason, arguments);
    }
}
