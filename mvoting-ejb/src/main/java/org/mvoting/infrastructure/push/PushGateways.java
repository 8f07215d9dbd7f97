package org.mvoting.infrastructure.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.util.Objects;
import java.util.logging.Logger;
import org.mvoting.api.citizens.PushPlatform;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.infrastructure.webpush.WebPushGateway;
import org.mvoting.infrastructure.webpush.WebPushKeys;
import org.mvoting.infrastructure.webpush.WebPushSubscription;

/**
 * Chooses the push adapter from MVOTING_PUSH_ADAPTER: {@code local} (notifications are stored, not sent) or
 * {@code http} (MVOTING_PUSH_GATEWAY_URL, MVOTING_PUSH_GATEWAY_KEY). As for SMS, only the demo (MVOTING_DEMO=true)
 * may leave it unset; anywhere else a forgotten setting stops the deployment rather than quietly keeping
 * notifications in the database.
 *
 * <p>A browser's Web Push subscription (a WEB installation whose token is a subscription) goes to the browser's
 * own push service through {@link WebPushGateway}, signed with the city's VAPID key ({@link WebPushKeys}); with
 * the {@code local} adapter it is recorded like any other notification.
 *
 * <p>The setting is read for every message, so an operator can move to another gateway (a system property set
 * through the management CLI) without redeploying.
 */
@ApplicationScoped
public class PushGateways {

    private static final Logger LOG = Logger.getLogger(PushGateways.class.getName());

    @Inject
    private LocalPushGateway local;

    @Inject
    private WebPushKeys webPushKeys;

    private volatile WebPushGateway webPush;

    private volatile HttpGatewaySettings httpSettings;
    private volatile HttpPushGateway http;

    /** What an HTTP gateway is built from; a change builds a new one. */
    private record HttpGatewaySettings(String url, String key) {
    }

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        PushGateway chosen = current(); // a wrong setting fails the deployment, not the first poll
        if (chosen == local) {
            LOG.warning("Push adapter is 'local': notifications are stored in local_push_message, not sent."
                    + " Set MVOTING_PUSH_ADAPTER=http in production.");
        }
    }

    /** The adapter the settings name now. */
    public PushGateway current() {
        String adapter = CitySettings.pushAdapter().orElse(null);
        if (adapter == null) {
            throw new IllegalStateException("Set MVOTING_PUSH_ADAPTER to 'http' (with MVOTING_PUSH_GATEWAY_URL) or,"
                    + " for a test system, 'local'");
        }
        return switch (adapter) {
            case "local" -> local;
            case "http" -> http();
            default -> throw new IllegalStateException("MVOTING_PUSH_ADAPTER must be 'local' or 'http', not '" + adapter + "'");
        };
    }

    /** The adapter for this installation: Web Push subscriptions go to their browser's push service. */
    public PushGateway forTarget(PushTarget target) {
        PushGateway chosen = current();
        if (chosen == local || target.platform() != PushPlatform.WEB || !WebPushSubscription.isSubscription(target.token())) {
            return chosen;
        }
        if (webPushKeys.current().isEmpty()) {
            throw new PushRejectedException("a Web Push subscription, but Web Push is off (no VAPID keys)");
        }
        if (webPush == null) {
            webPush = new WebPushGateway(() -> webPushKeys.current().orElseThrow(
                    () -> new PushRejectedException("Web Push was turned off (no VAPID keys)")), Clock.systemUTC());
        }
        return webPush;
    }

    public boolean isLocal() {
        return current() == local;
    }

    private PushGateway http() {
        HttpGatewaySettings wanted = new HttpGatewaySettings(CitySettings.pushGatewayUrl().orElse(null),
                CitySettings.pushGatewayKey().orElse(null));
        if (wanted.url() == null) {
            throw new IllegalStateException("MVOTING_PUSH_ADAPTER=http needs MVOTING_PUSH_GATEWAY_URL");
        }
        if (!Objects.equals(wanted, httpSettings)) {
            synchronized (this) {
                if (!Objects.equals(wanted, httpSettings)) {
                    http = new HttpPushGateway(URI.create(wanted.url()), wanted.key());
                    httpSettings = wanted;
                    LOG.info(() -> "Push notifications go out through the HTTP gateway at " + wanted.url());
                }
            }
        }
        return http;
    }
}
