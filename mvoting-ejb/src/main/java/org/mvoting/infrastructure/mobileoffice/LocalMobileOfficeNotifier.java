package org.mvoting.infrastructure.mobileoffice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.mvoting.domain.messaging.PushNotification;
import org.mvoting.infrastructure.persistence.LocalMessageStore;

/**
 * The local adapter: each notice is stored in local_mobile_office_message (one row per recipient, in the delivery
 * transaction), where the demo and the tests read it. It never claims a delivery it did not make.
 */
@ApplicationScoped
public class LocalMobileOfficeNotifier implements MobileOfficeNotifier {

    @Inject
    private LocalMessageStore store;

    @Override
    public void send(UUID messageId, List<String> staffIds, PushNotification notice) {
        for (String staffId : staffIds) {
            store.storeMobileOffice(messageId, staffId, notice.title(), notice.body(), notice.link());
        }
    }
}
