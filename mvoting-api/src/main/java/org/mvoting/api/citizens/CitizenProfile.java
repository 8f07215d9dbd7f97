package org.mvoting.api.citizens;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * The optional panel profile. {@code consent} must be true to store it (the citizen ticked the consent box for
 * the current consent text); {@code consentedAt} is set by the server.
 */
public record CitizenProfile(@NotNull Boolean consent, @NotNull Gender gender, @NotNull SeoulDistrict district,
                             @NotNull Integer birthYear, Instant consentedAt) {
}
