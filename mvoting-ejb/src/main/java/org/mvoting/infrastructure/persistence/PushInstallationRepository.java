package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.citizens.PushPlatform;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.domain.messaging.PushInstallation;

/** Citizens' app installations that receive push, and the push messages written to all of them at once. */
@ApplicationScoped
public class PushInstallationRepository {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /**
     * One statement, so that two registrations of the same token (an app retrying) cannot both insert. A token
     * seen before keeps its installation id; it moves to this citizen (a phone changes hands, or signs in anew)
     * and counts as registered now when it does.
     */
    public UUID register(UUID citizenId, byte[] voterKey, PushPlatform platform, String token, Locale language,
                         Instant now) {
        Object id = em.createNativeQuery("INSERT INTO push_installation (id, citizen_id, platform, token, token_hash,"
                        + " voter_key, registered_at, last_seen_at, language) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)"
                        + " ON CONFLICT (token_hash) DO UPDATE SET platform = EXCLUDED.platform, language = EXCLUDED.language,"
                        + " registered_at = CASE WHEN push_installation.citizen_id = EXCLUDED.citizen_id"
                        + " THEN push_installation.registered_at ELSE EXCLUDED.registered_at END,"
                        + " citizen_id = EXCLUDED.citizen_id, voter_key = EXCLUDED.voter_key,"
                        + " last_seen_at = EXCLUDED.last_seen_at RETURNING id")
                .setParameter(1, UUID.randomUUID()).setParameter(2, citizenId).setParameter(3, platform.name())
                .setParameter(4, token).setParameter(5, PushInstallation.tokenHash(token))
                .setParameter(6, voterKey).setParameter(7, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(8, language.getLanguage())
                .getSingleResult();
        return uuid(id);
    }

    public Optional<PushInstallation> find(UUID installationId) {
        return Found.of(em.find(PushInstallation.class, installationId));
    }

    public void remove(PushInstallation installation) {
        em.remove(installation);
    }

    /**
     * Writes one pending PUSH outbox message per installation in this language with one INSERT ... SELECT (there
     * may be very many installations), only to phones on the poll's list when {@code listedPoll} is given, and
     * returns the new messages' ids. The recipient is the installation id; the token is looked up when each
     * message goes out.
     */
    public List<UUID> enqueuePush(String notificationJson, Locale language, UUID listedPoll, Instant now) {
        String sql = "INSERT INTO outbox_message (id, channel, recipient, body, status, attempts, created_at)"
                + " SELECT gen_random_uuid(), '" + OutboxMessage.Channel.PUSH.name() + "', CAST(i.id AS VARCHAR(64)), ?1, '"
                + OutboxMessage.Status.PENDING.name() + "', 0, ?2 FROM push_installation i WHERE i.language = ?3"
                + (listedPoll != null
                        ? " AND EXISTS (SELECT 1 FROM poll_listed_voter l WHERE l.poll_id = ?4 AND l.voter_key = i.voter_key)"
                        : "")
                + " RETURNING id";
        var insert = em.createNativeQuery(sql)
                .setParameter(1, notificationJson)
                .setParameter(2, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .setParameter(3, language.getLanguage());
        if (listedPoll != null) {
            insert.setParameter(4, listedPoll);
        }
        return ((List<?>) insert.getResultList()).stream().map(PushInstallationRepository::uuid).toList();
    }

    private static UUID uuid(Object id) {
        return id instanceof UUID uuid ? uuid : UUID.fromString(id.toString());
    }
}
