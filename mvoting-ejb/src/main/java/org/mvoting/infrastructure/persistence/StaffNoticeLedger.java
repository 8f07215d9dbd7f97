package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.mvoting.domain.messaging.OutboxMessage;

/**
 * The native SQL of staff poll notices (staff_poll_notice): who is to be told that a staff poll opened, written once
 * per poll and person (a repeat is ignored), and turned into mobile-office (and mail) outbox messages exactly once: the claim
 * and the outbox rows are one statement, so two callers (the approval and the opening timer) cannot both enqueue.
 */
@ApplicationScoped
public class StaffNoticeLedger {

    private static final int ROWS_PER_STATEMENT = 1000;

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** Adds whoever is not yet there; a person already noted for this poll (a re-approval) is left as they are. */
    public void note(UUID pollId, Collection<String> staffIds, Instant now) {
        List<String> ids = List.copyOf(staffIds);
        for (int from = 0; from < ids.size(); from += ROWS_PER_STATEMENT) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("INSERT INTO staff_poll_notice (poll_id, staff_id, created_at) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(i + 3).append(", ?2)");
            }
            sql.append(" ON CONFLICT (poll_id, staff_id) DO NOTHING");
            Query insert = em.createNativeQuery(sql.toString()).setParameter(1, pollId)
                    .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            for (int i = 0; i < chunk.size(); i++) {
                insert.setParameter(i + 3, chunk.get(i));
            }
            insert.executeUpdate();
        }
    }

    /**
     * Claims the poll's notices not yet enqueued and writes one MOBILE_OFFICE outbox message for each (and, with
     * {@code byMail}, one MAIL message too), with {@code noticeJson} as its body; returns the messages' ids for the
     * caller to announce in its transaction.
     */
    public List<UUID> enqueueWaiting(UUID pollId, String noticeJson, boolean byMail, Instant now) {
        List<?> ids = em.createNativeQuery("WITH due AS (UPDATE staff_poll_notice SET enqueued_at = ?2"
                        + " WHERE poll_id = ?1 AND enqueued_at IS NULL RETURNING staff_id)"
                        + " INSERT INTO outbox_message (id, channel, recipient, body, status, attempts, created_at)"
                        + " SELECT gen_random_uuid(), c.channel, due.staff_id, ?3, '" + OutboxMessage.Status.PENDING.name()
                        + "', 0, ?2 FROM due CROSS JOIN (VALUES ('" + OutboxMessage.Channel.MOBILE_OFFICE.name() + "', TRUE), ('"
                        + OutboxMessage.Channel.MAIL.name() + "', CAST(?4 AS BOOLEAN))) AS c (channel, wanted)"
                        + " WHERE c.wanted RETURNING id")
                .setParameter(1, pollId).setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(3, noticeJson).setParameter(4, byMail).getResultList();
        return ids.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList();
    }

    /** Open staff polls whose opening has come and that still have notices waiting (the opening timer's work). */
    public List<UUID> pollsOpenedWithWaitingNotices(Instant now) {
        List<?> ids = em.createNativeQuery("SELECT DISTINCT n.poll_id FROM staff_poll_notice n JOIN poll p ON p.id = n.poll_id"
                        + " WHERE n.enqueued_at IS NULL AND p.status = 'OPEN' AND p.opens_at <= ?1 AND p.closes_at > ?1")
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).getResultList();
        return ids.stream().map(id -> id instanceof UUID uuid ? uuid : UUID.fromString(id.toString())).toList();
    }
}
