package org.mvoting.api.identity;

import jakarta.ejb.Local;

/**
 * Sign-in by X.509 certificate, for polls that require the CERTIFICATE level: the client fetches a one-time
 * challenge, signs it with the certificate's private key and presents the certificate chain with the signature. The
 * chain is checked against the city's trust anchors (MVOTING_CERTIFICATE_TRUST_ANCHORS), its validity dates and the
 * configured CRLs (MVOTING_CERTIFICATE_CRL); the voter key comes from the subject identifier the city names
 * (MVOTING_CERTIFICATE_SUBJECT_ID), so a renewed certificate votes as the same person.
 */
@Local
public interface CertificateSignIn {

    /** A fresh challenge to sign; refused (certificate-sign-in-off) when the city has configured no trust anchors. */
    CertificateChallenge challenge();

    /**
     * A short-lived bearer token at the CERTIFICATE level (MVOTING_CERTIFICATE_TOKEN_TTL_MINUTES) for a valid proof;
     * otherwise a {@link org.mvoting.api.errors.CertificateRejectedException} naming what failed.
     */
    AccessToken signIn(CertificateProof proof);
}
