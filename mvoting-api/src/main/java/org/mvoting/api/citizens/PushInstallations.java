package org.mvoting.api.citizens;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.UUID;

/**
 * The app installations that receive push notifications for a citizen. Every method takes the citizen's bearer
 * token and acts for its holder only.
 */
@Local
public interface PushInstallations {

    /** The longest push service token accepted. */
    int MAX_TOKEN_LENGTH = 4096;

    /** The longest Web Push endpoint accepted (browsers' are under 500 characters; the token holds it with the keys). */
    int MAX_ENDPOINT_LENGTH = 2048;

    /**
     * Registers the push service token of an app installation ({@code platform}: ANDROID, IOS or WEB) and returns
     * its id. Idempotent per token: registering a known token again moves it to this citizen and refreshes it.
     * {@code language} (ko or en; anything else or null is Korean) is the language of its notifications.
     */
    UUID register(String bearerToken, String platform, String token, String language);

    /**
     * Registers a browser's Web Push subscription (what {@code PushSubscription.toJSON()} gives: the endpoint at the
     * browser's push service and the keys {@code p256dh} and {@code auth}, base64url) as a WEB installation of this
     * citizen, and returns its id. The endpoint must be https at one of MVOTING_WEB_PUSH_SERVICES; 404
     * {@code web-push-off} when the city has no VAPID keys.
     */
    UUID subscribeWebPush(String bearerToken, String endpoint, String p256dh, String auth, String language);

    /** The city's VAPID public key (base64url) that browsers subscribe with; empty when Web Push is off. */
    Optional<String> webPushPublicKey();

    /** Removes one of this citizen's installations; anyone else's id is not found. */
    void unregister(String bearerToken, UUID installationId);
}
