package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.citizens.Participation;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.domain.identity.PanelProfile;
import org.mvoting.domain.poll.Poll;

/** A citizen's own records: the panel profile they consented to, the polls waiting for them, where they took part. */
@ApplicationScoped
public class CitizenRepository {

    private static final int MAX_INVITED = 100;
    private static final int MAX_PARTICIPATIONS = 200;

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    public Optional<PanelProfile> profile(UUID citizenId) {
        return Found.of(em.find(PanelProfile.class, citizenId));
    }

    public void add(PanelProfile profile) {
        em.persist(profile);
    }

    public void remove(PanelProfile profile) {
        em.remove(profile);
    }

    /** Open city polls whose list holds this voter and that they have not answered yet, closing soonest first. */
    public List<Poll> invitedOpenPolls(byte[] voterKey, Instant now) {
        List<?> ids = em.createNativeQuery("SELECT l.poll_id FROM poll_listed_voter l JOIN poll p ON p.id = l.poll_id"
                        + " WHERE l.voter_key = ?1 AND p.audience_type IN ('LISTED', 'PANEL_SAMPLE') AND p.kind = 'CITY_TO_CITIZEN'"
                        + " AND p.status = 'OPEN' AND p.closes_at > ?2"
                        + " AND NOT EXISTS (SELECT 1 FROM participation pa WHERE pa.poll_id = l.poll_id AND pa.voter_key = ?1)")
                .setParameter(1, voterKey).setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setMaxResults(MAX_INVITED).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM Poll p JOIN FETCH p.ownerDepartment WHERE p.id IN :ids"
                        + " ORDER BY p.schedule.closesAt, p.id", Poll.class)
                .setParameter("ids", ids.stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList())
                .getResultList();
    }

    /** Where this voter took part (the day and channel, never the choice), newest first. */
    /**
     * The polls a voter key took part in on or after {@code since} (the citizen's first day: a number that changed
     * hands keeps its voter key, and the earlier owner's participations are not the new owner's history).
     */
    public List<Participation> participations(byte[] voterKey, LocalDate since, int max) {
        List<?> rows = em.createNativeQuery("SELECT p.id, p.title, p.status, pa.voted_on, pa.channel FROM participation pa"
                        + " JOIN poll p ON p.id = pa.poll_id WHERE pa.voter_key = ?1 AND pa.voted_on >= ?2"
                        + " ORDER BY pa.voted_on DESC, p.title")
                .setParameter(1, voterKey).setParameter(2, since).setMaxResults(Math.max(1, Math.min(max, MAX_PARTICIPATIONS))).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Participation((UUID) r[0], (String) r[1],
                PollStatus.valueOf((String) r[2]), day(r[3]), Channel.valueOf((String) r[4]))).toList();
    }

    private static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }
}
