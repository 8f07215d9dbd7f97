package org.mvoting.application.messaging;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.mvoting.api.messaging.LocalSmsInbox;
import org.mvoting.api.messaging.LocalSmsMessage;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.domain.identity.PhoneNumber;
import org.mvoting.infrastructure.sms.SmsGateways;

/** Reads texts the local SMS adapter stored (demo and tests); empty when the HTTP adapter is in use. */
@Stateless
public class LocalSmsInboxService implements LocalSmsInbox {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Inject
    private SmsGateways gateways;

    @Override
    public boolean isActive() {
        return gateways.isLocal();
    }

    /** ADMIN only: the texts hold citizens' sign-in codes. */
    @Override
    @AllowedRoles(Roles.ADMIN)
    public List<LocalSmsMessage> messagesTo(String phoneNumber, int limit) {
        String e164 = PhoneNumber.parse(phoneNumber).e164();
        List<?> rows = em.createNativeQuery("SELECT recipient, body, stored_at FROM local_sms_message"
                        + " WHERE recipient = ?1 ORDER BY stored_at DESC, id DESC")
                .setParameter(1, e164).setMaxResults(Math.min(Math.max(limit, 1), 50)).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new LocalSmsMessage((String) r[0], (String) r[1], instant(r[2]))).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return (Instant) value;
    }
}
