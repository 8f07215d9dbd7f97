package org.mvoting.infrastructure.crypto;

import java.time.Instant;
import java.util.Objects;

/**
 * A staff member as vouched for by a verified "mobile office" token.
 *
 * @param staffId   the staff portal ID (the token's {@code sub}): 1 to 64 characters of {@code [A-Za-z0-9._-]}
 * @param expiresAt when the token stops being valid (its {@code exp})
 */
public record MobileOfficeIdentity(String staffId, Instant expiresAt) {

    public MobileOfficeIdentity {
        Objects.requireNonNull(staffId, "staffId");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
