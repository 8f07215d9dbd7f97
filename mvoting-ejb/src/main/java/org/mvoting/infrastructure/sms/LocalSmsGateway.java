package org.mvoting.infrastructure.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The local adapter: instead of leaving the building, each message is stored in local_sms_message, where
 * the demo and the tests read it. It really records (in the delivery transaction); it never claims a
 * delivery it did not make.
 */
@ApplicationScoped
public class LocalSmsGateway implements SmsGateway {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Override
    public void send(UUID messageId, String recipientE164, String text) {
        em.createNativeQuery("INSERT INTO local_sms_message (outbox_id, recipient, body, stored_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (outbox_id) DO NOTHING")
                .setParameter(1, messageId).setParameter(2, recipientE164).setParameter(3, text)
                .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }
}
