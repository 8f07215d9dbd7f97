package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.domain.policy.PolicyDocument;
import org.mvoting.domain.policy.PolicyStep;

/**
 * The policy cycle's rows (steps, their PDFs, the once-per-poll decision notice) and the decision's recipients: the
 * app installations and the listed numbers whose voter key took part in the poll. Participation is keyed by voter key
 * only, so this reaches the people who voted without ever touching a ballot.
 */
@ApplicationScoped
public class PolicyCycleRepository {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** Every entry of the poll's cycle, corrections included, in the order they were recorded. */
    public List<PolicyStep> steps(UUID pollId) {
        return em.createQuery("SELECT s FROM PolicyStep s WHERE s.pollId = :poll ORDER BY s.recordedAt, s.id",
                PolicyStep.class).setParameter("poll", pollId).getResultList();
    }

    public void add(PolicyStep step) {
        em.persist(step);
        em.flush(); // the replaced-once constraint answers now, inside the caller's lock
    }

    public void add(PolicyDocument document) {
        em.persist(document);
        em.flush();
    }

    public Optional<PolicyDocument> document(UUID stepId) {
        return Optional.ofNullable(em.find(PolicyDocument.class, stepId));
    }

    /** File name and size of each document of the poll's steps, by step id (never the bytes). */
    public Map<UUID, Object[]> documentInfo(UUID pollId) {
        List<?> rows = em.createNativeQuery("SELECT d.step_id, d.file_name, d.byte_size FROM policy_document d"
                + " JOIN policy_step s ON s.id = d.step_id WHERE s.poll_id = ?1").setParameter(1, pollId).getResultList();
        Map<UUID, Object[]> info = new HashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            info.put(uuid(r[0]), new Object[] {r[1], ((Number) r[2]).intValue()});
        }
        return info;
    }

    /**
     * Records that the poll's decision was announced, with how many messages went out. The primary key is the
     * backstop of "once per poll": a second insert fails and rolls back its messages with it.
     */
    public void recordDecisionNotice(UUID pollId, UUID stepId, int pushes, int texts, Instant now) {
        em.createNativeQuery("INSERT INTO policy_decision_notice (poll_id, step_id, pushes, texts, notified_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, pollId).setParameter(2, stepId).setParameter(3, pushes).setParameter(4, texts)
                .setParameter(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
    }

    /** Whether the poll's decision has been announced already. */
    public boolean decisionNoticed(UUID pollId) {
        return !em.createNativeQuery("SELECT 1 FROM policy_decision_notice WHERE poll_id = ?1")
                .setParameter(1, pollId).getResultList().isEmpty();
    }

    /**
     * One PUSH outbox message per app installation in this language whose voter key took part in the poll, in one
     * INSERT ... SELECT, under the campaign; returns the new messages' ids.
     */
    public List<UUID> enqueueParticipantPushes(UUID pollId, String notificationJson, Locale language, String campaign,
                                               Instant now) {
        List<?> ids = em.createNativeQuery("INSERT INTO outbox_message (id, channel, recipient, body, status, attempts,"
                        + " created_at, campaign) SELECT gen_random_uuid(), '" + OutboxMessage.Channel.PUSH.name()
                        + "', CAST(i.id AS VARCHAR(64)), ?1, '" + OutboxMessage.Status.PENDING.name() + "', 0, ?2, ?5"
                        + " FROM push_installation i WHERE i.language = ?3"
                        + " AND EXISTS (SELECT 1 FROM participation pa WHERE pa.poll_id = ?4 AND pa.voter_key = i.voter_key)"
                        + " RETURNING id")
                .setParameter(1, notificationJson).setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(3, language.getLanguage()).setParameter(4, pollId).setParameter(5, campaign)
                .getResultList();
        return ids.stream().map(PolicyCycleRepository::uuid).toList();
    }

    /** The sealed numbers of a LISTED poll's list whose voter key took part (staff rows have no number). */
    public List<byte[]> participatingListedPhones(UUID pollId) {
        List<?> rows = em.createNativeQuery("SELECT l.phone_sealed FROM poll_listed_voter l WHERE l.poll_id = ?1"
                        + " AND l.phone_sealed IS NOT NULL"
                        + " AND EXISTS (SELECT 1 FROM participation pa WHERE pa.poll_id = l.poll_id AND pa.voter_key = l.voter_key)")
                .setParameter(1, pollId).getResultList();
        return rows.stream().map(byte[].class::cast).toList();
    }

    private static UUID uuid(Object id) {
        return id instanceof UUID u ? u : UUID.fromString(id.toString());
    }
}
