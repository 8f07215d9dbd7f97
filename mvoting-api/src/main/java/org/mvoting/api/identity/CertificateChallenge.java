package org.mvoting.api.identity;

import java.time.Instant;

/**
 * What a client signs to prove it holds a certificate's private key: the exact UTF-8 bytes of {@code challenge},
 * with SHA256withRSA (RSA keys) or SHA256withECDSA (EC keys). Usable once, until {@code expiresAt}.
 */
public record CertificateChallenge(String challenge, Instant expiresAt) {
}
