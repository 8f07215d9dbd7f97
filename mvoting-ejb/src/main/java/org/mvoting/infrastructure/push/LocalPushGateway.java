package org.mvoting.infrastructure.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.mvoting.domain.messaging.PushNotification;
import org.mvoting.infrastructure.persistence.LocalMessageStore;

/**
 * The local adapter: instead of leaving the building, each notification is stored in local_push_message, where
 * the demo and the tests read it. It really records (in the delivery transaction); it never claims a delivery it
 * did not make. The token is not copied: the installation id says who it was for.
 */
@ApplicationScoped
public class LocalPushGateway implements PushGateway {

    @Inject
    private LocalMessageStore store;

    @Override
    public void send(UUID messageId, PushTarget target, PushNotification notification) {
        store.storePush(messageId, target.installationId(), notification.title(), notification.body(),
                notification.link());
    }
}
