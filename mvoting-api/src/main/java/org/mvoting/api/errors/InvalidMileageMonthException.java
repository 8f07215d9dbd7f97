package org.mvoting.api.errors;

/** A mileage month is not of the form {@code YYYY-MM} (or lies outside the years the ledger can hold). */
public class InvalidMileageMonthException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public InvalidMileageMonthException(String given) {
        super(ErrorKind.BAD_REQUEST, "mileage-month-invalid", given);
    }
}
