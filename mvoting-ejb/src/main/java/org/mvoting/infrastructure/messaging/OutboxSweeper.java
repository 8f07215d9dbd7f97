package org.mvoting.infrastructure.messaging;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.mvoting.domain.messaging.OutboxMessage;

/**
 * Re-announces outbox messages that stayed PENDING far longer than redelivery takes. The datasource is
 * not XA, so the database and the queue commit one after the other; a crash between the two would leave
 * a message written but never announced. The sweep closes that gap.
 */
@Singleton
public class OutboxSweeper {

    private static final Logger LOG = Logger.getLogger(OutboxSweeper.class.getName());
    static final Duration PATIENCE = Duration.ofMinutes(5);

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Inject
    private OutboxRelay relay;

    @Schedule(hour = "*", minute = "*/5", persistent = false)
    public void reannounceStuckMessages() {
        Instant now = Instant.now();
        List<OutboxMessage> pending = em.createQuery("SELECT m FROM OutboxMessage m WHERE m.status = :pending"
                        + " AND m.createdAt < :before", OutboxMessage.class)
                .setParameter("pending", OutboxMessage.Status.PENDING)
                .setParameter("before", now.minus(PATIENCE))
                .setMaxResults(500)
                .getResultList();
        pending.stream().filter(m -> m.isStuck(now, PATIENCE)).forEach(relay::announce);
        if (!pending.isEmpty()) {
            LOG.warning(() -> "Re-announced " + pending.size() + " outbox messages that were never delivered");
        }
    }
}
