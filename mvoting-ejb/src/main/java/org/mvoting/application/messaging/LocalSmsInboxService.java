package org.mvoting.application.messaging;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.mvoting.api.messaging.LocalSmsInbox;
import org.mvoting.api.messaging.LocalSmsMessage;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.domain.identity.PhoneNumber;
import org.mvoting.infrastructure.persistence.LocalMessageStore;
import org.mvoting.infrastructure.sms.SmsGateways;

/** Reads texts the local SMS adapter stored (demo and tests); empty when the HTTP adapter is in use. */
@Stateless
public class LocalSmsInboxService implements LocalSmsInbox {

    @Inject
    private LocalMessageStore store;

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
        return store.smsTo(e164, limit);
    }
}
