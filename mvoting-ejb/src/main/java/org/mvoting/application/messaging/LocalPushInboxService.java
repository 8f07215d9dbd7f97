package org.mvoting.application.messaging;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.messaging.LocalPushInbox;
import org.mvoting.api.messaging.LocalPushMessage;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.LocalMessageStore;
import org.mvoting.infrastructure.push.PushGateways;

/** Reads notifications the local push adapter stored (demo and tests); empty when the HTTP adapter is in use. */
@Stateless
public class LocalPushInboxService implements LocalPushInbox {

    @Inject
    private LocalMessageStore store;

    @Inject
    private PushGateways gateways;

    @Inject
    private AuditTrail audit;

    @Override
    public boolean isActive() {
        return gateways.isLocal();
    }

    /** ADMIN only and recorded, as for the local SMS: what the city told which installation. */
    @Override
    @AllowedRoles(Roles.ADMIN)
    public List<LocalPushMessage> messagesFor(UUID installationId, int limit, Actor reader) {
        List<LocalPushMessage> messages = store.pushFor(installationId, limit);
        audit.record(reader, "local-inbox.push-read", installationId, messages.size() + " messages");
        return messages;
    }
}
