package org.mvoting.infrastructure.webpush;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.interfaces.ECPrivateKey;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.infrastructure.crypto.ServerSecrets;

/**
 * The city's VAPID identity: MVOTING_VAPID_PUBLIC_KEY and MVOTING_VAPID_PRIVATE_KEY with MVOTING_VAPID_SUBJECT. A
 * demo system without them derives a pair from its server secret, so every node and every restart signs with the
 * same key (browsers subscribed to one key refuse pushes signed by another). Anywhere else, without keys Web Push is
 * off: my page does not offer it and subscriptions are refused.
 *
 * <p>Read for every use (settings can change in the running server); the pair is rebuilt only when they change.
 */
@ApplicationScoped
public class WebPushKeys {

    private static final Logger LOG = Logger.getLogger(WebPushKeys.class.getName());
    /** The demo's contact when it has no MVOTING_VAPID_SUBJECT or https public address. */
    static final String DEMO_SUBJECT = "mailto:webpush@mvoting.invalid";

    @Inject
    private ServerSecrets secrets;

    private volatile Configured configured;
    private volatile String warned;

    /** The settings a Vapid was built from. */
    private record Configured(String publicKey, String privateKey, String subject, Vapid vapid) {
    }

    /** The VAPID identity to sign with, or empty when Web Push is off. */
    public Optional<Vapid> current() {
        String publicKey = CitySettings.vapidPublicKey().orElse(null);
        String privateKey = CitySettings.vapidPrivateKey().orElse(null);
        String subject = CitySettings.vapidSubject().orElse(CitySettings.demo() ? DEMO_SUBJECT : null);
        if ((publicKey == null || privateKey == null) && !CitySettings.demo()) {
            return Optional.empty();
        }
        Configured now = configured;
        if (now != null && Objects.equals(now.publicKey(), publicKey) && Objects.equals(now.privateKey(), privateKey)
                && Objects.equals(now.subject(), subject)) {
            return Optional.of(now.vapid());
        }
        if (subject == null) {
            warnOnce("Web Push is off: set MVOTING_VAPID_SUBJECT (mailto: or https:) with the VAPID keys");
            return Optional.empty();
        }
        Vapid vapid;
        if (publicKey != null && privateKey != null) {
            try {
                vapid = Vapid.of(publicKey, privateKey, subject);
            } catch (IllegalArgumentException e) {
                // a refusal for the citizen (web-push-off), not a 500 on every subscription and push
                warnOnce("Web Push is off: MVOTING_VAPID_PUBLIC_KEY and MVOTING_VAPID_PRIVATE_KEY are not one pair ("
                        + e.getMessage() + ")");
                return Optional.empty();
            }
        } else {
            ECPrivateKey derived = P256.privateKeyFrom(secrets.vapidSeed());
            vapid = new Vapid(P256.encode(P256.publicKeyOf(derived)), derived, subject);
            LOG.warning(() -> "MVOTING_VAPID_PUBLIC_KEY/_PRIVATE_KEY are not set: this demo system signs Web Push with a"
                    + " key pair derived from its server secret (public key " + vapid.publicKeyText() + ").");
        }
        configured = new Configured(publicKey, privateKey, subject, vapid);
        return Optional.of(vapid);
    }

    /** Settings are read per message: the same complaint is logged once, not for every push. */
    private void warnOnce(String message) {
        if (!message.equals(warned)) {
            warned = message;
            LOG.warning(message);
        }
    }
}
