package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.citizenpolls.ScreeningFinding;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.poll.PollPassword;

/** What citizens' polls keep beside the poll: passwords, screening findings, reports, moderators' words. */
@ApplicationScoped
public class CitizenPollLedger {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    public void savePassword(UUID pollId, PollPassword password) {
        em.createNativeQuery("INSERT INTO poll_password (poll_id, hash, salt, iterations) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, pollId).setParameter(2, password.hash()).setParameter(3, password.salt())
                .setParameter(4, password.iterations()).executeUpdate();
    }

    public Optional<PollPassword> password(UUID pollId) {
        List<?> rows = em.createNativeQuery("SELECT hash, salt, iterations FROM poll_password WHERE poll_id = ?1")
                .setParameter(1, pollId).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new PollPassword((byte[]) r[0], (byte[]) r[1], ((Number) r[2]).intValue())).findFirst();
    }

    public void saveFindings(UUID pollId, List<ScreeningFinding> findings) {
        for (ScreeningFinding f : findings) {
            em.createNativeQuery("INSERT INTO poll_screening_hit (poll_id, category, field, match) VALUES (?1, ?2, ?3, ?4)")
                    .setParameter(1, pollId).setParameter(2, f.category()).setParameter(3, clip(f.field(), 64))
                    .setParameter(4, clip(f.match(), 200)).executeUpdate();
        }
    }

    public List<ScreeningFinding> findings(UUID pollId) {
        List<?> rows = em.createNativeQuery("SELECT category, field, match FROM poll_screening_hit WHERE poll_id = ?1"
                        + " ORDER BY id").setParameter(1, pollId).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new ScreeningFinding((String) r[0], (String) r[1], (String) r[2])).toList();
    }

    /** Records a report; false when this citizen had reported the poll already. */
    public boolean addReport(UUID pollId, byte[] reporterKey, String reason, String detail, Instant now) {
        return em.createNativeQuery("INSERT INTO poll_report (poll_id, reporter_key, reason, detail, reported_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, pollId).setParameter(2, reporterKey).setParameter(3, reason)
                .setParameter(4, detail == null ? "" : clip(detail.strip(), 500))
                .setParameter(5, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate() == 1;
    }

    public long openReports(UUID pollId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM poll_report WHERE poll_id = ?1 AND dismissed_at IS NULL")
                .setParameter(1, pollId).getSingleResult()).longValue();
    }

    public Map<String, Long> openReportsByReason(UUID pollId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<?> rows = em.createNativeQuery("SELECT reason, count(*) FROM poll_report WHERE poll_id = ?1"
                        + " AND dismissed_at IS NULL GROUP BY reason ORDER BY reason").setParameter(1, pollId).getResultList();
        rows.stream().map(Object[].class::cast).forEach(r -> counts.put((String) r[0], ((Number) r[1]).longValue()));
        return counts;
    }

    public void dismissReports(UUID pollId, Instant now) {
        em.createNativeQuery("UPDATE poll_report SET dismissed_at = ?2 WHERE poll_id = ?1 AND dismissed_at IS NULL")
                .setParameter(1, pollId).setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
    }

    /** Words moderators added, by category name. */
    public Map<String, List<String>> moderatorWords() {
        Map<String, List<String>> words = new LinkedHashMap<>();
        List<?> rows = em.createNativeQuery("SELECT category, word FROM moderation_word ORDER BY category, word").getResultList();
        rows.stream().map(Object[].class::cast).forEach(r -> words.computeIfAbsent((String) r[0], k -> new java.util.ArrayList<>())
                .add((String) r[1]));
        return words;
    }

    public void addWord(String category, String word, String addedBy, Instant now) {
        em.createNativeQuery("INSERT INTO moderation_word (category, word, added_by, added_at) VALUES (?1, ?2, ?3, ?4)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, category).setParameter(2, word).setParameter(3, addedBy)
                .setParameter(4, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).executeUpdate();
    }

    public boolean removeWord(String category, String word) {
        return em.createNativeQuery("DELETE FROM moderation_word WHERE category = ?1 AND word = ?2")
                .setParameter(1, category).setParameter(2, word).executeUpdate() == 1;
    }

    /** How many polls this citizen created since then (the daily limit). */
    public List<Instant> pollsCreatedSince(UUID citizenId, Instant since) {
        return em.createQuery("SELECT p.createdAt FROM Poll p WHERE p.ownerCitizenId = :citizen AND p.createdAt >= :since"
                        + " ORDER BY p.createdAt", Instant.class)
                .setParameter("citizen", citizenId).setParameter("since", since).getResultList();
    }

    public List<Poll> pollsOf(UUID citizenId) {
        return em.createQuery("SELECT p FROM Poll p WHERE p.ownerCitizenId = :citizen ORDER BY p.createdAt DESC", Poll.class)
                .setParameter("citizen", citizenId).setMaxResults(200).getResultList();
    }

    /** Open, public, not hidden citizen polls: the citizens' poll directory. */
    public List<Poll> directory(Instant now, int first, int max) {
        return em.createQuery("SELECT p FROM Poll p WHERE p.kind = :kind AND p.status = :open AND p.audience = :public"
                        + " AND p.hiddenAt IS NULL AND p.schedule.closesAt > :now ORDER BY p.schedule.closesAt, p.id", Poll.class)
                .setParameter("kind", PollKind.CITIZEN_TO_CITIZEN).setParameter("open", PollStatus.OPEN)
                .setParameter("public", AudienceType.OPEN).setParameter("now", now)
                .setFirstResult(first).setMaxResults(max).getResultList();
    }

    public long countDirectory(Instant now) {
        return em.createQuery("SELECT count(p) FROM Poll p WHERE p.kind = :kind AND p.status = :open AND p.audience = :public"
                        + " AND p.hiddenAt IS NULL AND p.schedule.closesAt > :now", Long.class)
                .setParameter("kind", PollKind.CITIZEN_TO_CITIZEN).setParameter("open", PollStatus.OPEN)
                .setParameter("public", AudienceType.OPEN).setParameter("now", now).getSingleResult();
    }

    /** Citizen polls waiting for a moderator: held by screening, or hidden by reports. */
    public List<Poll> moderationQueue() {
        return em.createQuery("SELECT p FROM Poll p WHERE p.kind = :kind AND p.status <> :removed"
                        + " AND (p.status = :held OR p.hiddenAt IS NOT NULL) ORDER BY p.createdAt", Poll.class)
                .setParameter("kind", PollKind.CITIZEN_TO_CITIZEN).setParameter("removed", PollStatus.REMOVED)
                .setParameter("held", PollStatus.PENDING_APPROVAL).setMaxResults(500).getResultList();
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
