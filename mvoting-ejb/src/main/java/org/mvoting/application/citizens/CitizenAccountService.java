package org.mvoting.application.citizens;

import org.mvoting.api.settings.CitySettings;
import org.mvoting.application.identity.CitizenBearer;
import org.mvoting.application.polls.PollViews;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.citizens.CitizenAccount;
import org.mvoting.api.citizens.CitizenProfile;
import org.mvoting.api.citizens.Participation;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.PollSummary;
import org.mvoting.domain.identity.PanelProfile;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.crypto.ServerSecrets;

/** A citizen's own profile and history, for the holder of the bearer token only. */
@Stateless
public class CitizenAccountService implements CitizenAccount {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Inject
    private ServerSecrets secrets;

    private CitizenBearer holder(String bearerToken) {
        return CitizenBearer.of(secrets, bearerToken);
    }

    @Override
    public Optional<CitizenProfile> profile(String bearerToken) {
        return Optional.ofNullable(em.find(PanelProfile.class, holder(bearerToken).citizenId())).map(CitizenAccountService::view);
    }

    @Override
    public CitizenProfile saveProfile(String bearerToken, CitizenProfile given) {
        UUID citizenId = holder(bearerToken).citizenId();
        Instant now = Instant.now();
        Year thisYear = Year.now(CitySettings.timeZone());
        PanelProfile profile = em.find(PanelProfile.class, citizenId);
        if (profile == null) {
            profile = new PanelProfile(citizenId, Boolean.TRUE.equals(given.consent()), given.gender(), given.district(),
                    given.birthYear(), now, thisYear);
            em.persist(profile);
        } else {
            profile.change(Boolean.TRUE.equals(given.consent()), given.gender(), given.district(), given.birthYear(), now,
                    thisYear);
        }
        return view(profile);
    }

    @Override
    public boolean withdrawProfile(String bearerToken) {
        PanelProfile profile = em.find(PanelProfile.class, holder(bearerToken).citizenId());
        if (profile == null) {
            return false;
        }
        em.remove(profile);
        return true;
    }

    @Override
    public List<PollSummary> invitedPolls(String bearerToken) {
        byte[] voterKey = holder(bearerToken).voterKey();
        List<?> ids = em.createNativeQuery("SELECT l.poll_id FROM poll_listed_voter l JOIN poll p ON p.id = l.poll_id"
                        + " WHERE l.voter_key = ?1 AND p.audience_type = 'LISTED' AND p.kind = 'CITY_TO_CITIZEN'"
                        + " AND p.status = 'OPEN' AND p.closes_at > ?2"
                        + " AND NOT EXISTS (SELECT 1 FROM participation pa WHERE pa.poll_id = l.poll_id AND pa.voter_key = ?1)")
                .setParameter(1, voterKey).setParameter(2, java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC))
                .setMaxResults(100).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT p FROM Poll p JOIN FETCH p.ownerDepartment WHERE p.id IN :ids"
                        + " ORDER BY p.schedule.closesAt, p.id", Poll.class)
                .setParameter("ids", ids.stream().map(id -> id instanceof UUID u ? u : UUID.fromString(id.toString())).toList())
                .getResultStream().map(PollViews::summary).toList();
    }

    @Override
    public List<Participation> participations(String bearerToken, int max) {
        byte[] voterKey = holder(bearerToken).voterKey();
        List<?> rows = em.createNativeQuery("SELECT p.id, p.title, p.status, pa.voted_on, pa.channel FROM participation pa"
                        + " JOIN poll p ON p.id = pa.poll_id WHERE pa.voter_key = ?1 ORDER BY pa.voted_on DESC, p.title")
                .setParameter(1, voterKey).setMaxResults(Math.max(1, Math.min(max, 200))).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Participation((UUID) r[0], (String) r[1],
                PollStatus.valueOf((String) r[2]), day(r[3]), Channel.valueOf((String) r[4]))).toList();
    }

    private static LocalDate day(Object value) {
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static CitizenProfile view(PanelProfile p) {
        return new CitizenProfile(true, p.gender(), p.district(), p.birthYear(), p.consentedAt());
    }
}
