package org.mvoting.infrastructure.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.mvoting.domain.messaging.PushNotification;

/**
 * The local adapter: instead of leaving the building, each notification is stored in local_push_message, where
 * the demo and the tests read it. It really records (in the delivery transaction); it never claims a delivery it
 * did not make. The token is not copied: the installation id says who it was for.
 */
@ApplicationScoped
public class LocalPushGateway implements PushGateway {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Override
    public void send(UUID messageId, PushTarget target, PushNotification notification) {
        em.createNativeQuery("INSERT INTO local_push_message (outbox_id, installation_id, title, body, link, stored_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (outbox_id) DO NOTHING")
                .setParameter(1, messageId).setParameter(2, target.installationId())
                .setParameter(3, notification.title()).setParameter(4, notification.body())
                .setParameter(5, notification.link()).setParameter(6, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }
}
