package org.mvoting.api.citizens;

import jakarta.ejb.Local;
import java.util.UUID;

/**
 * The app installations that receive push notifications for a citizen. Every method takes the citizen's bearer
 * token and acts for its holder only.
 */
@Local
public interface PushInstallations {

    /** The longest push service token accepted. */
    int MAX_TOKEN_LENGTH = 4096;

    /**
     * Registers the push service token of an app installation ({@code platform}: ANDROID, IOS or WEB) and returns
     * its id. Idempotent per token: registering a known token again moves it to this citizen and refreshes it.
     * {@code language} (ko or en; anything else or null is Korean) is the language of its notifications.
     */
    UUID register(String bearerToken, String platform, String token, String language);

    /** Removes one of this citizen's installations; anyone else's id is not found. */
    void unregister(String bearerToken, UUID installationId);
}
