package org.mvoting.application.citizens;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.citizens.PushInstallations;
import org.mvoting.api.citizens.PushPlatform;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.application.identity.CitizenBearer;
import org.mvoting.application.identity.CitizenTokens;
import org.mvoting.domain.messaging.PushInstallation;
import org.mvoting.infrastructure.persistence.PushInstallationRepository;
import org.mvoting.infrastructure.webpush.Vapid;
import org.mvoting.infrastructure.webpush.WebPushKeys;

/** A citizen's app installations for push notifications, for the holder of the bearer token only. */
@Stateless
public class PushInstallationService implements PushInstallations {

    @Inject
    private PushInstallationRepository installations;

    @Inject
    private CitizenTokens citizenTokens;

    @Inject
    private WebPushKeys webPushKeys;

    /** A token seen before keeps its installation id and moves to this citizen (see the repository). */
    @Override
    public UUID register(String bearerToken, String platform, String token, String language) {
        CitizenBearer holder = citizenTokens.holder(bearerToken);
        PushPlatform chosen = PushInstallation.platform(platform);
        String validToken = PushInstallation.token(token);
        return installations.register(holder.citizenId(), holder.voterKey(), chosen, validToken,
                PushInstallation.language(language), Instant.now());
    }

    /** Stored as a WEB installation whose token is the subscription: the outbox and the adapters stay as they are. */
    @Override
    public UUID subscribeWebPush(String bearerToken, String endpoint, String p256dh, String auth, String language) {
        CitizenBearer holder = citizenTokens.holder(bearerToken);
        if (webPushKeys.current().isEmpty()) {
            throw new NotFoundException("web-push-off", "web-push");
        }
        String token = PushInstallation.webPushToken(endpoint, p256dh, auth, CitySettings.webPushServices());
        return installations.register(holder.citizenId(), holder.voterKey(), PushPlatform.WEB, token,
                PushInstallation.language(language), Instant.now());
    }

    @Override
    public Optional<String> webPushPublicKey() {
        return webPushKeys.current().map(Vapid::publicKeyText);
    }

    @Override
    public void unregister(String bearerToken, UUID installationId) {
        CitizenBearer holder = citizenTokens.holder(bearerToken);
        PushInstallation installation = installationId == null ? null : installations.find(installationId).orElse(null);
        if (installation == null || !installation.belongsTo(holder.citizenId())) {
            // someone else's installation is "not found" too: ids are not to be probed
            throw new NotFoundException("push-installation-not-found", installationId);
        }
        installations.remove(installation);
    }
}
