package org.mvoting.application.citizens;

import org.mvoting.application.identity.CitizenBearer;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.mvoting.api.citizens.PushInstallations;
import org.mvoting.api.citizens.PushPlatform;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.domain.messaging.PushInstallation;
import org.mvoting.infrastructure.crypto.ServerSecrets;

/** A citizen's app installations for push notifications, for the holder of the bearer token only. */
@Stateless
public class PushInstallationService implements PushInstallations {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Inject
    private ServerSecrets secrets;

    /**
     * One statement, so that two registrations of the same token (an app retrying) cannot both insert. A token
     * seen before keeps its installation id; it moves to this citizen (a phone changes hands, or signs in anew)
     * and counts as registered now when it does.
     */
    @Override
    public UUID register(String bearerToken, String platform, String token, String language) {
        CitizenBearer holder = CitizenBearer.of(secrets, bearerToken);
        PushPlatform chosen = PushInstallation.platform(platform);
        String validToken = PushInstallation.token(token);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Object id = em.createNativeQuery("INSERT INTO push_installation (id, citizen_id, platform, token, token_hash,"
                        + " voter_key, registered_at, last_seen_at, language) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7, ?8)"
                        + " ON CONFLICT (token_hash) DO UPDATE SET platform = EXCLUDED.platform, language = EXCLUDED.language,"
                        + " registered_at = CASE WHEN push_installation.citizen_id = EXCLUDED.citizen_id"
                        + " THEN push_installation.registered_at ELSE EXCLUDED.registered_at END,"
                        + " citizen_id = EXCLUDED.citizen_id, voter_key = EXCLUDED.voter_key,"
                        + " last_seen_at = EXCLUDED.last_seen_at RETURNING id")
                .setParameter(1, UUID.randomUUID()).setParameter(2, holder.citizenId()).setParameter(3, chosen.name())
                .setParameter(4, validToken).setParameter(5, PushInstallation.tokenHash(validToken))
                .setParameter(6, holder.voterKey()).setParameter(7, now)
                .setParameter(8, PushInstallation.language(language).getLanguage())
                .getSingleResult();
        return id instanceof UUID uuid ? uuid : UUID.fromString(id.toString());
    }

    @Override
    public void unregister(String bearerToken, UUID installationId) {
        CitizenBearer holder = CitizenBearer.of(secrets, bearerToken);
        PushInstallation installation = installationId == null ? null : em.find(PushInstallation.class, installationId);
        if (installation == null || !installation.belongsTo(holder.citizenId())) {
            // someone else's installation is "not found" too: ids are not to be probed
            throw new NotFoundException("push-installation-not-found", installationId);
        }
        em.remove(installation);
    }
}
