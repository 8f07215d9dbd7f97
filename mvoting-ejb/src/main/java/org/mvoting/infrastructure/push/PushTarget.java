package org.mvoting.infrastructure.push;

import java.util.Objects;
import java.util.UUID;
import org.mvoting.api.citizens.PushPlatform;

/** The installation a notification goes to, with the token the push service knows it by. */
public record PushTarget(UUID installationId, PushPlatform platform, String token) {

    public PushTarget {
        Objects.requireNonNull(installationId, "installationId");
        Objects.requireNonNull(token, "token");
    }

    @Override
    public String toString() {
        return "PushTarget[" + installationId + ", " + platform + "]"; // the token stays out of logs
    }
}
