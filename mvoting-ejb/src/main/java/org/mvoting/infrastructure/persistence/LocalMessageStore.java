package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.messaging.LocalPushMessage;
import org.mvoting.api.messaging.LocalSmsMessage;

/**
 * What the local SMS and push adapters "sent": written in the delivery transaction, keyed by the outbox message so a
 * redelivery stores nothing twice, and read back (newest first, at most 50) by the demo and the tests.
 */
@ApplicationScoped
public class LocalMessageStore {

    private static final int MAX_READ = 50;

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    public void storeSms(UUID outboxId, String recipientE164, String text) {
        em.createNativeQuery("INSERT INTO local_sms_message (outbox_id, recipient, body, stored_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (outbox_id) DO NOTHING")
                .setParameter(1, outboxId).setParameter(2, recipientE164).setParameter(3, text)
                .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    public void storePush(UUID outboxId, UUID installationId, String title, String body, String link) {
        em.createNativeQuery("INSERT INTO local_push_message (outbox_id, installation_id, title, body, link, stored_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (outbox_id) DO NOTHING")
                .setParameter(1, outboxId).setParameter(2, installationId).setParameter(3, title)
                .setParameter(4, body).setParameter(5, link).setParameter(6, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }

    public void storeMobileOffice(UUID outboxId, String staffId, String title, String body, String link) {
        em.createNativeQuery("INSERT INTO local_mobile_office_message (outbox_id, staff_id, title, body, link, stored_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (outbox_id) DO NOTHING")
                .setParameter(1, outboxId).setParameter(2, staffId).setParameter(3, title)
                .setParameter(4, body).setParameter(5, link).setParameter(6, OffsetDateTime.now(ZoneOffset.UTC))
                .executeUpdate();
    }

    public void storeMail(UUID outboxId, String staffId, String address, String subject, String body) {
        em.createNativeQuery("INSERT INTO local_mail_message (outbox_id, staff_id, address, subject, body, stored_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (outbox_id) DO NOTHING")
                .setParameter(1, outboxId).setParameter(2, staffId).setParameter(3, address).setParameter(4, subject)
                .setParameter(5, body).setParameter(6, OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
    }

    public List<LocalSmsMessage> smsTo(String recipientE164, int limit) {
        List<?> rows = em.createNativeQuery("SELECT recipient, body, stored_at FROM local_sms_message"
                        + " WHERE recipient = ?1 ORDER BY stored_at DESC, id DESC")
                .setParameter(1, recipientE164).setMaxResults(bounded(limit)).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new LocalSmsMessage((String) r[0], (String) r[1], NativeValues.instant(r[2]))).toList();
    }

    public List<LocalPushMessage> pushFor(UUID installationId, int limit) {
        List<?> rows = em.createNativeQuery("SELECT installation_id, title, body, link, stored_at FROM local_push_message"
                        + " WHERE installation_id = ?1 ORDER BY stored_at DESC, id DESC")
                .setParameter(1, installationId).setMaxResults(bounded(limit)).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new LocalPushMessage((UUID) r[0], (String) r[1],
                (String) r[2], (String) r[3], NativeValues.instant(r[4]))).toList();
    }

    private static int bounded(int limit) {
        return Math.min(Math.max(limit, 1), MAX_READ);
    }
}
