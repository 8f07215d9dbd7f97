package org.mvoting.application.messaging;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.messaging.LocalPushInbox;
import org.mvoting.api.messaging.LocalPushMessage;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.infrastructure.persistence.LocalMessageStore;
import org.mvoting.infrastructure.push.PushGateways;

/** Reads notifications the local push adapter stored (demo and tests); empty when the HTTP adapter is in use. */
@Stateless
public class LocalPushInboxService implements LocalPushInbox {

    @Inject
    private LocalMessageStore store;

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
        return store.pushFor(installationId, limit);
    }
}
