package org.mvoting.api.errors;

/** A certificate sign-in was refused; the reason names what failed (problem code {@code certificate-...}). */
public class CertificateRejectedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** Why: the problem code is {@code certificate-} and the name in lower case with dashes. */
    public enum Reason {
        /** The city has configured no trust anchors: certificate sign-in is off. */
        SIGN_IN_OFF(ErrorKind.FORBIDDEN),
        /** A certificate or the signature could not be read. */
        MALFORMED(ErrorKind.BAD_REQUEST),
        /** The challenge was not issued by this server (or is not a challenge). */
        CHALLENGE_INVALID(ErrorKind.UNAUTHENTICATED),
        /** The challenge is past its lifetime: fetch a new one. */
        CHALLENGE_EXPIRED(ErrorKind.UNAUTHENTICATED),
        /** The challenge was used already: each one signs in once. */
        CHALLENGE_USED(ErrorKind.UNAUTHENTICATED),
        /** The signature over the challenge does not verify with the certificate's key: no proof of possession. */
        BAD_SIGNATURE(ErrorKind.UNAUTHENTICATED),
        /** The chain does not lead to one of the city's trust anchors. */
        UNTRUSTED(ErrorKind.UNAUTHENTICATED),
        /** A certificate of the chain is past its validity. */
        EXPIRED(ErrorKind.UNAUTHENTICATED),
        /** A certificate of the chain is not valid yet. */
        NOT_YET_VALID(ErrorKind.UNAUTHENTICATED),
        /** A certificate of the chain is listed in its issuer's CRL. */
        REVOKED(ErrorKind.UNAUTHENTICATED),
        /** No current CRL of the issuer is configured (none, or past its next update): refused rather than trusted. */
        REVOCATION_UNKNOWN(ErrorKind.UNAUTHENTICATED),
        /** The certificate does not carry the subject identifier the city names voters by. */
        NO_SUBJECT_ID(ErrorKind.UNAUTHENTICATED);

        private final ErrorKind kind;

        Reason(ErrorKind kind) {
            this.kind = kind;
        }
    }

    private final Reason reason;

    public CertificateRejectedException(Reason reason) {
        super(reason.kind, "certificate-" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
