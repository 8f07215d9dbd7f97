package org.mvoting.api.identity;

import java.util.List;

/**
 * A proof of possession: the certificate chain (the voter's certificate first, then intermediates; each as PEM or
 * base64 DER), the challenge as it was issued, and the base64 signature over it made with the certificate's key.
 */
public record CertificateProof(List<String> chain, String challenge, String signature) {

    /** The most certificates a chain may carry (the voter's and intermediates; the anchor is the city's own). */
    public static final int MAX_CHAIN = 5;
    /** The longest certificate accepted, as PEM or base64 text. */
    public static final int CERTIFICATE_LENGTH = 16_384;
    /** The longest challenge and signature accepted. */
    public static final int TOKEN_LENGTH = 4_096;

    public CertificateProof {
        chain = chain == null ? List.of() : List.copyOf(chain);
    }
}
