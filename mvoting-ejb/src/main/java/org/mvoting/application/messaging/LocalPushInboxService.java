package org.mvoting.application.messaging;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.messaging.LocalPushInbox;
import org.mvoting.api.messaging.LocalPushMessage;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.infrastructure.push.PushGateways;

/** Reads notifications the local push adapter stored (demo and tests); empty when the HTTP adapter is in use. */
@Stateless
public class LocalPushInboxService implements LocalPushInbox {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    @Inject
    private PushGateways gateways;

    @Override
    public boolean isActive() {
        return gateways.isLocal();
    }

    /** ADMIN only, as for the local SMS: what the city told which installation. */
    @Override
    @AllowedRoles(Roles.ADMIN)
    public List<LocalPushMessage> messagesFor(UUID installationId, int limit) {
        List<?> rows = em.createNativeQuery("SELECT installation_id, title, body, link, stored_at FROM local_push_message"
                        + " WHERE installation_id = ?1 ORDER BY stored_at DESC, id DESC")
                .setParameter(1, installationId).setMaxResults(Math.min(Math.max(limit, 1), 50)).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new LocalPushMessage((UUID) r[0], (String) r[1],
                (String) r[2], (String) r[3], instant(r[4]))).toList();
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
