package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.domain.messaging.OutboxMessage;

/** The outbox table: messages written in the business transaction, delivered later through the JMS queue. */
@ApplicationScoped
public class OutboxRepository {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    public void add(OutboxMessage message) {
        em.persist(message);
    }

    public Optional<OutboxMessage> find(UUID id) {
        return Found.of(em.find(OutboxMessage.class, id));
    }

    /** Messages still pending that were written before {@code before}, oldest first. */
    public List<UUID> pendingSince(Instant before, int max) {
        return em.createQuery("SELECT m.id FROM OutboxMessage m WHERE m.status = :pending"
                        + " AND m.createdAt < :before ORDER BY m.createdAt", UUID.class)
                .setParameter("pending", OutboxMessage.Status.PENDING)
                .setParameter("before", before)
                .setMaxResults(max)
                .getResultList();
    }
}
