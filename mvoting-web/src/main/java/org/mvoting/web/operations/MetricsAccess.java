package org.mvoting.web.operations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Who may scrape /metrics: the caller whose {@code Authorization: Bearer} carries MVOTING_METRICS_TOKEN. A bearer
 * secret rather than a list of addresses: behind the balancer every request comes from the balancer's address, and
 * Prometheus sends a bearer credential by configuration. Compared in constant time.
 */
final class MetricsAccess {

    /** What the request gets. */
    enum Decision {
        /** No token is configured: /metrics does not exist (404). */
        OFF,
        /** Missing or wrong credentials (401). */
        REFUSED,
        ALLOWED
    }

    private MetricsAccess() {
    }

    static Decision decide(Optional<String> configuredToken, String authorization) {
        if (configuredToken.isEmpty()) {
            return Decision.OFF;
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Decision.REFUSED;
        }
        byte[] given = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        byte[] expected = configuredToken.get().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected) ? Decision.ALLOWED : Decision.REFUSED;
    }
}
