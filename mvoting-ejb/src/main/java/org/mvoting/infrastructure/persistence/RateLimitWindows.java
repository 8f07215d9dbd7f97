package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;

/** Fixed-window hit counters in rate_limit_window; the database does the counting, so every node shares them. */
@ApplicationScoped
public class RateLimitWindows {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** Counts one hit in the bucket's window and returns the hits in it so far, this one included. */
    public int hit(String bucket, Instant windowStart) {
        return ((Number) em.createNativeQuery("INSERT INTO rate_limit_window (bucket, window_start, hits)"
                        + " VALUES (?1, ?2, 1) ON CONFLICT (bucket, window_start)"
                        + " DO UPDATE SET hits = rate_limit_window.hits + 1 RETURNING hits")
                .setParameter(1, bucket).setParameter(2, windowStart).getSingleResult()).intValue();
    }

    /** Deletes windows that started before {@code before}; returns how many. */
    public int forgetBefore(Instant before) {
        return em.createNativeQuery("DELETE FROM rate_limit_window WHERE window_start < ?1")
                .setParameter(1, before).executeUpdate();
    }
}
