package org.mvoting.infrastructure.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Objects;
import java.util.logging.Logger;
import org.mvoting.api.settings.CitySettings;

/**
 * Chooses the SMS adapter from MVOTING_SMS_ADAPTER: {@code local} (messages are stored, not sent) or
 * {@code http} (MVOTING_SMS_GATEWAY_URL, MVOTING_SMS_GATEWAY_KEY, MVOTING_SMS_SENDER). Only the demo
 * (MVOTING_DEMO=true) may leave it unset; anywhere else a forgotten setting stops the deployment rather
 * than quietly keeping sign-in codes in the database.
 *
 * <p>The setting is read for every message, so an operator can move to another gateway (a system property
 * set through the management CLI) without redeploying while codes keep flowing.
 */
@ApplicationScoped
public class SmsGateways {

    private static final Logger LOG = Logger.getLogger(SmsGateways.class.getName());

    @Inject
    private LocalSmsGateway local;

    private volatile HttpGatewaySettings httpSettings;
    private volatile HttpSmsGateway http;

    /** What an HTTP gateway is built from; a change builds a new one. */
    private record HttpGatewaySettings(String url, String key, String sender) {
    }

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        SmsGateway chosen = current(); // a wrong setting fails the deployment, not the first sign-in
        if (chosen == local) {
            LOG.warning("SMS adapter is 'local': texts are stored in local_sms_message, not sent."
                    + " Set MVOTING_SMS_ADAPTER=http in production.");
        }
    }

    /** The adapter the settings name now. */
    public SmsGateway current() {
        String adapter = CitySettings.smsAdapter().orElse(null);
        if (adapter == null) {
            throw new IllegalStateException("Set MVOTING_SMS_ADAPTER to 'http' (with MVOTING_SMS_GATEWAY_URL) or,"
                    + " for a test system, 'local'");
        }
        return switch (adapter) {
            case "local" -> local;
            case "http" -> http();
            default -> throw new IllegalStateException("MVOTING_SMS_ADAPTER must be 'local' or 'http', not '" + adapter + "'");
        };
    }

    public boolean isLocal() {
        return current() == local;
    }

    private SmsGateway http() {
        HttpGatewaySettings wanted = new HttpGatewaySettings(CitySettings.smsGatewayUrl().orElse(null),
                CitySettings.smsGatewayKey().orElse(null), CitySettings.smsSender());
        if (wanted.url() == null) {
            throw new IllegalStateException("MVOTING_SMS_ADAPTER=http needs MVOTING_SMS_GATEWAY_URL");
        }
        if (!Objects.equals(wanted, httpSettings)) {
            synchronized (this) {
                if (!Objects.equals(wanted, httpSettings)) {
                    http = new HttpSmsGateway(URI.create(wanted.url()), wanted.key(), wanted.sender());
                    httpSettings = wanted;
                    LOG.info(() -> "SMS goes out through the HTTP gateway at " + wanted.url());
                }
            }
        }
        return http;
    }
}
