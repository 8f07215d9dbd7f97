package org.mvoting.api.errors;

/** The bearer token is missing, malformed, forged, expired or not meant for mVoting. */
public class InvalidTokenException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /**
     * What is wrong with the token. The problem code is {@code token-} and the name in lower case with
     * dashes ({@code BAD_SIGNATURE} is {@code token-bad-signature}).
     */
    public enum Reason {
        /** No token was sent. */
        MISSING,
        /** Not a compact JWS of the expected shape, or a required claim is absent or ill-formed. */
        MALFORMED,
        /** Not one of mVoting's own tokens (wrong algorithm, signature or issuer). */
        FORGED,
        /** Past its expiry. */
        EXPIRED,
        /** Signed out (this token, or all of its citizen's), or its citizen's number has since passed to someone else. */
        REVOKED,
        /** An external token whose signature does not verify with the identity provider's key. */
        BAD_SIGNATURE,
        /** An external token signed with an algorithm that is refused ({@code none}, HMAC, or one that does not fit the key). */
        UNSUPPORTED_ALGORITHM,
        /** An external token issued by someone other than the configured identity provider. */
        WRONG_ISSUER,
        /** An external token issued for another service. */
        WRONG_AUDIENCE,
        /** An external token whose {@code nbf} or {@code iat} lies in the future. */
        NOT_YET_VALID,
        /** An external token whose {@code kid} names no key of the identity provider's key set, even fetched afresh. */
        UNKNOWN_KEY
    }

    private final Reason reason;

    public InvalidTokenException(Reason reason) {
        super(ErrorKind.UNAUTHENTICATED, "token-" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
