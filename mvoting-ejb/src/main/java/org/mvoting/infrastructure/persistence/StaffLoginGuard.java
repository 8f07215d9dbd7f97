package org.mvoting.infrastructure.persistence;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Wrong staff passwords counted in staff_login_guard, so every node sees the same locks. A bucket is a keyed hash
 * (ServerSecrets.limitBucket) of what is counted: a portal ID with a client address, or an address alone; neither is
 * stored. Failures count in a window that starts at the first one; the failure that reaches the limit locks the
 * bucket from then for {@code lockFor}. Each failure commits in its own transaction (a refused login rolls nothing
 * of it back, and the row is locked only for a moment).
 */
@Stateless
public class StaffLoginGuard {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** Until when the bucket is locked; empty when it is not (any more). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public Optional<Instant> lockedUntil(String bucket, Instant now) {
        List<?> rows = em.createNativeQuery("SELECT locked_until FROM staff_login_guard WHERE bucket = ?1"
                        + " AND locked_until > ?2")
                .setParameter(1, bucket).setParameter(2, now).getResultList();
        return rows.stream().findFirst().map(NativeValues::instant);
    }

    /**
     * Counts one failure; returns the end of the lock when this failure reached {@code max} (only that once, so
     * the caller records one lock, not one per later attempt).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Instant> failed(String bucket, int max, Duration window, Duration lockFor, Instant now) {
        Object[] row = (Object[]) em.createNativeQuery("INSERT INTO staff_login_guard (bucket, failures, window_start)"
                        + " VALUES (?1, 1, ?2) ON CONFLICT (bucket) DO UPDATE SET"
                        + " failures = CASE WHEN staff_login_guard.window_start <= ?3 THEN 1"
                        + " ELSE staff_login_guard.failures + 1 END,"
                        + " window_start = CASE WHEN staff_login_guard.window_start <= ?3 THEN ?2"
                        + " ELSE staff_login_guard.window_start END"
                        + " RETURNING failures, locked_until")
                .setParameter(1, bucket).setParameter(2, now).setParameter(3, now.minus(window))
                .getSingleResult();
        int failures = ((Number) row[0]).intValue();
        Instant locked = row[1] == null ? null : NativeValues.instant(row[1]);
        if (failures < max || locked != null && locked.isAfter(now)) {
            return Optional.empty();
        }
        Instant until = now.plus(lockFor);
        // counting starts again once the lock is over
        em.createNativeQuery("UPDATE staff_login_guard SET locked_until = ?2, failures = 0, window_start = ?2"
                        + " WHERE bucket = ?1")
                .setParameter(1, bucket).setParameter(2, until).executeUpdate();
        return Optional.of(until);
    }

    /** A correct password clears the failures of its ID and address (not those of the address alone). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void succeeded(String bucket) {
        em.createNativeQuery("DELETE FROM staff_login_guard WHERE bucket = ?1")
                .setParameter(1, bucket).executeUpdate();
    }

    /** Rows whose window and lock are long over only take space. */
    public void forgetOldFailures() {
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        em.createNativeQuery("DELETE FROM staff_login_guard WHERE window_start < ?1"
                        + " AND (locked_until IS NULL OR locked_until < ?1)")
                .setParameter(1, dayAgo).executeUpdate();
    }

}
