package org.mvoting.api.errors;

/** A time filter ({@code from} or {@code to}) is neither an ISO date nor an ISO date-time with an offset. */
public class InvalidTimeWindowException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InvalidTimeWindowException(String field) {
        super(ErrorKind.BAD_REQUEST, "time-window-invalid", field);
    }
}
