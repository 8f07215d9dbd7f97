package org.mvoting.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import org.mvoting.api.errors.TooManyRequestsException;
import org.mvoting.infrastructure.crypto.ServerSecrets;

/**
 * Fixed-window rate limits kept in rate_limit_window, so every node shares them. A hit counts in its own
 * transaction: a request that fails later still counts (that is the point of a limit), and the counter row is
 * locked only for a moment; a hit refused by the limit itself is not kept (the count is at the limit anyway).
 * Windows of a day or more start at midnight in the city (MVOTING_TIME_ZONE), not in UTC. Subjects (addresses,
 * numbers) are stored as keyed hashes only.
 */
@Stateless
public class RateLimits {

    private static final java.time.ZoneId CITY_ZONE =
            org.mvoting.api.settings.CitySettings.timeZone();

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Inject
    private ServerSecrets secrets;

    /** Counts one hit; past {@code max} hits in the window, refuses with 429 and the seconds until it ends. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void hit(String limit, String subject, Duration window, int max) {
        Instant now = Instant.now();
        Instant start = windowStart(now, window);
        if (count(limit, subject, start) > max) {
            throw new TooManyRequestsException(limit, secondsUntilNextWindow(window));
        }
    }

    /**
     * Counts one hit if the window holds fewer than {@code max}; returns the count with it, or 0 when refused (a
     * refused hit is not kept, so the count never runs past {@code max}: a budget reads true).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int claim(String limit, String subject, Duration window, int max) {
        if (max < 1) {
            return 0;
        }
        java.util.List<?> counted = em.createNativeQuery("INSERT INTO rate_limit_window (bucket, window_start, hits)"
                        + " VALUES (?1, ?2, 1) ON CONFLICT (bucket, window_start)"
                        + " DO UPDATE SET hits = rate_limit_window.hits + 1 WHERE rate_limit_window.hits < ?3"
                        + " RETURNING hits")
                .setParameter(1, secrets.limitBucket(limit, subject))
                .setParameter(2, windowStart(Instant.now(), window))
                .setParameter(3, max)
                .getResultList();
        return counted.isEmpty() ? 0 : ((Number) counted.get(0)).intValue();
    }

    /** The hits counted so far in the current window (a read: counts nothing). */
    public int counted(String limit, String subject, Duration window) {
        java.util.List<?> rows = em.createNativeQuery("SELECT hits FROM rate_limit_window"
                        + " WHERE bucket = ?1 AND window_start = ?2")
                .setParameter(1, secrets.limitBucket(limit, subject))
                .setParameter(2, windowStart(Instant.now(), window))
                .getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.get(0)).intValue();
    }

    /** Seconds until the current window ends (at least 1): the Retry-After of a refusal. */
    public long secondsUntilNextWindow(Duration window) {
        Instant now = Instant.now();
        return Math.max(1, Duration.between(now, windowStart(now, window).plus(window)).toSeconds() + 1);
    }

    /** Counts one hit and says whether it was within {@code max} for the window (for callers that do not refuse). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean allows(String limit, String subject, Duration window, int max) {
        return count(limit, subject, windowStart(Instant.now(), window)) <= max;
    }

    /** Windows end within a day for every limit we have; older rows only take space. */
    public void forgetOldWindows() {
        em.createNativeQuery("DELETE FROM rate_limit_window WHERE window_start < ?1")
                .setParameter(1, Instant.now().minus(Duration.ofDays(2))).executeUpdate();
    }

    private int count(String limit, String subject, Instant windowStart) {
        return ((Number) em.createNativeQuery("INSERT INTO rate_limit_window (bucket, window_start, hits)"
                        + " VALUES (?1, ?2, 1) ON CONFLICT (bucket, window_start)"
                        + " DO UPDATE SET hits = rate_limit_window.hits + 1 RETURNING hits")
                .setParameter(1, secrets.limitBucket(limit, subject)).setParameter(2, windowStart)
                .getSingleResult()).intValue();
    }

    private static Instant windowStart(Instant now, Duration window) {
        long seconds = window.toSeconds();
        long offset = CITY_ZONE.getRules().getOffset(now).getTotalSeconds();
        return Instant.ofEpochSecond(Math.floorDiv(now.getEpochSecond() + offset, seconds) * seconds - offset);
    }
}
