package org.mvoting.infrastructure.sms;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.logging.Logger;
import org.mvoting.infrastructure.config.Settings;

/**
 * Chooses the SMS adapter from MVOTING_SMS_ADAPTER: {@code local} (messages are stored, not sent) or
 * {@code http} (MVOTING_SMS_GATEWAY_URL, MVOTING_SMS_GATEWAY_KEY, MVOTING_SMS_SENDER). Only the demo
 * (MVOTING_DEMO=true) may leave it unset; anywhere else a forgotten setting stops the deployment rather
 * than quietly keeping sign-in codes in the database. Chosen when the application starts.
 */
@ApplicationScoped
public class SmsGateways {

    private static final Logger LOG = Logger.getLogger(SmsGateways.class.getName());

    @Inject
    private LocalSmsGateway local;

    private SmsGateway current;

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        current(); // choose now, so a wrong setting fails the deployment
    }

    @PostConstruct
    void choose() {
        String adapter = Settings.string("MVOTING_SMS_ADAPTER", Settings.flag("MVOTING_DEMO", false) ? "local" : null);
        if (adapter == null) {
            throw new IllegalStateException("Set MVOTING_SMS_ADAPTER to 'http' (with MVOTING_SMS_GATEWAY_URL) or,"
                    + " for a test system, 'local'");
        }
        switch (adapter) {
            case "http" -> {
                String url = Settings.string("MVOTING_SMS_GATEWAY_URL", null);
                if (url == null) {
                    throw new IllegalStateException("MVOTING_SMS_ADAPTER=http needs MVOTING_SMS_GATEWAY_URL");
                }
                current = new HttpSmsGateway(URI.create(url), Settings.string("MVOTING_SMS_GATEWAY_KEY", null),
                        Settings.string("MVOTING_SMS_SENDER", "02-120"));
                LOG.info(() -> "SMS goes out through the HTTP gateway at " + url);
            }
            case "local" -> {
                current = local;
                LOG.warning("SMS adapter is 'local': texts are stored in local_sms_message, not sent."
                        + " Set MVOTING_SMS_ADAPTER=http in production.");
            }
            default -> throw new IllegalStateException("MVOTING_SMS_ADAPTER must be 'local' or 'http', not '" + adapter + "'");
        }
    }

    public SmsGateway current() {
        return current;
    }

    public boolean isLocal() {
        return current == local;
    }
}
