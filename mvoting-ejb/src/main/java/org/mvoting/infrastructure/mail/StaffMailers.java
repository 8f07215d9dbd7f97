package org.mvoting.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Chooses the mail adapter: WildFly's mail session when MVOTING_SMTP_HOST names an SMTP server, else the local one
 * (what would have been sent stays readable in local_mail_message). Read for every message.
 */
@ApplicationScoped
public class StaffMailers {

    @Inject
    private LocalStaffMailer local;

    @Inject
    private SessionStaffMailer session;

    public StaffMailer current() {
        return org.mvoting.api.settings.CitySettings.smtpHost().isPresent() ? session : local;
    }

    /** A member of staff's address: their portal ID at MVOTING_STAFF_MAIL_DOMAIN; empty while no domain is set. */
    public static java.util.Optional<String> addressOf(String staffId) {
        return org.mvoting.api.settings.CitySettings.staffMailDomain().map(domain -> staffId + "@" + domain);
    }
}
