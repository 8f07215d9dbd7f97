package org.mvoting.api.errors;

/** The bearer token is missing, malformed, forged or expired. */
public class InvalidTokenException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the token. */
    public enum Reason { MISSING, MALFORMED, FORGED, EXPIRED }

    public InvalidTokenException(Reason reason) {
        super(ErrorKind.UNAUTHENTICATED, "token-" + reason.name().toLowerCase(java.util.Locale.ROOT));
    }
}
