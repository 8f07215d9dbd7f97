package org.mvoting.infrastructure.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.mvoting.infrastructure.persistence.LocalMessageStore;

/** The local adapter: each e-mail is stored in local_mail_message (in the delivery transaction) for tests and the demo. */
@ApplicationScoped
public class LocalStaffMailer implements StaffMailer {

    @Inject
    private LocalMessageStore store;

    @Override
    public void send(UUID messageId, String staffId, String address, String subject, String body) {
        store.storeMail(messageId, staffId, address, subject, body);
    }
}
