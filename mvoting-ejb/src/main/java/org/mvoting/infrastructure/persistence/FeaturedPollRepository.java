package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Which poll a public place (the city-hall QR code) opens: one row per place. */
@ApplicationScoped
public class FeaturedPollRepository {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** One statement, so two members of staff featuring at once leave one poll in the slot, the later one. */
    public void feature(String place, UUID pollId, String staffId, Instant at) {
        em.createNativeQuery("INSERT INTO featured_poll (place, poll_id, featured_by, featured_at) VALUES (?1, ?2, ?3, ?4)"
                        + " ON CONFLICT (place) DO UPDATE SET poll_id = EXCLUDED.poll_id,"
                        + " featured_by = EXCLUDED.featured_by, featured_at = EXCLUDED.featured_at")
                .setParameter(1, place).setParameter(2, pollId).setParameter(3, staffId)
                .setParameter(4, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate();
    }

    public void clear(String place) {
        em.createNativeQuery("DELETE FROM featured_poll WHERE place = ?1").setParameter(1, place).executeUpdate();
    }

    public Optional<UUID> featured(String place) {
        List<?> rows = em.createNativeQuery("SELECT poll_id FROM featured_poll WHERE place = ?1")
                .setParameter(1, place).getResultList();
        return rows.stream().map(UUID.class::cast).findFirst();
    }
}
