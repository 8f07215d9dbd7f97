package org.mvoting.application;

import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.mvoting.api.errors.TooManyRequestsException;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.persistence.RateLimitWindows;

/**
 * Rate limits shared by every node: a hit counts in its own transaction, so a refused or failed request
 * still counts (that is the point of a limit) and the counter row is locked only for a moment.
 */
@Stateless
public class RateLimits {

    @Inject
    private RateLimitWindows windows;

    @Inject
    private ServerSecrets secrets;

    /**
     * Counts one hit of {@code limit} for {@code subject} in the current fixed window; past {@code max} hits,
     * refuses with 429 and the seconds until the window ends.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void hit(String limit, String subject, Duration window, int max) {
        Instant now = Instant.now();
        long windowSeconds = window.toSeconds();
        Instant start = Instant.ofEpochSecond(now.getEpochSecond() / windowSeconds * windowSeconds);
        if (windows.hit(secrets.limitBucket(limit, subject), start) > max) {
            throw new TooManyRequestsException(limit,
                    Math.max(1, Duration.between(now, start.plus(window)).toSeconds() + 1));
        }
    }

    /** Windows end within a day for every limit we have; older rows only take space. */
    @Schedule(hour = "*", minute = "23", persistent = false)
    public void forgetOldWindows() {
        windows.forgetBefore(Instant.now().minus(Duration.ofDays(2)));
    }
}
