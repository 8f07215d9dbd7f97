package org.mvoting.api.errors;

/** Only the mayor's office (directory role MAYOR_OFFICE) or an administrator sets or clears the city-hall poll. */
public class FeaturedSlotReservedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public FeaturedSlotReservedException() {
        super(ErrorKind.FORBIDDEN, "featured-mayor-office-only");
    }
}
