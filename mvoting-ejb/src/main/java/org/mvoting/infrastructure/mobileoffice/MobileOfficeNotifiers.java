package org.mvoting.infrastructure.mobileoffice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Objects;
import java.util.logging.Logger;
import org.mvoting.api.settings.CitySettings;

/**
 * Chooses the mobile-office adapter: the HTTP one when MVOTING_MOBILE_OFFICE_NOTIFY_URL is set (with
 * MVOTING_MOBILE_OFFICE_NOTIFY_KEY), else the local one. Unlike SMS, an unset URL is allowed anywhere: a city without
 * a mobile office still runs staff polls, and what would have been sent stays readable in the database (a warning
 * says so at startup). Read for every message, so a changed setting needs no redeploy.
 */
@ApplicationScoped
public class MobileOfficeNotifiers {

    private static final Logger LOG = Logger.getLogger(MobileOfficeNotifiers.class.getName());

    @Inject
    private LocalMobileOfficeNotifier local;

    private volatile Endpoint httpSettings;
    private volatile HttpMobileOfficeNotifier http;

    /** What an HTTP adapter is built from; a change builds a new one. */
    private record Endpoint(String url, String key) {
    }

    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (current() == local) {
            LOG.warning("MVOTING_MOBILE_OFFICE_NOTIFY_URL is not set: staff notices are stored in"
                    + " local_mobile_office_message, not sent to the mobile office.");
        }
    }

    /** The adapter the settings name now. */
    public MobileOfficeNotifier current() {
        String url = CitySettings.mobileOfficeNotifyUrl().orElse(null);
        if (url == null) {
            return local;
        }
        Endpoint wanted = new Endpoint(url, CitySettings.mobileOfficeNotifyKey().orElse(null));
        if (!Objects.equals(wanted, httpSettings)) {
            synchronized (this) {
                if (!Objects.equals(wanted, httpSettings)) {
                    http = new HttpMobileOfficeNotifier(URI.create(wanted.url()), wanted.key());
                    httpSettings = wanted;
                    LOG.info(() -> "Staff notices go out to the mobile office at " + wanted.url());
                }
            }
        }
        return http;
    }
}
