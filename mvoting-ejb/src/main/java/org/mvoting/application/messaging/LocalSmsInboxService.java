package org.mvoting.application.messaging;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.mvoting.api.messaging.LocalSmsInbox;
import org.mvoting.api.messaging.LocalSmsMessage;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.domain.identity.PhoneNumber;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.LocalMessageStore;
import org.mvoting.infrastructure.sms.SmsGateways;

/** Reads texts the local SMS adapter stored (demo and tests); empty when the HTTP adapter is in use. */
@Stateless
public class LocalSmsInboxService implements LocalSmsInbox {

    @Inject
    private LocalMessageStore store;

    @Inject
    private SmsGateways gateways;

    @Inject
    private AuditTrail audit;

    @Override
    public boolean isActive() {
        return gateways.isLocal();
    }

    /**
     * ADMIN only, and recorded: the texts hold citizens' sign-in codes, so whoever reads them could sign in as that
     * citizen. The record names the number masked, as every log does.
     */
    @Override
    @AllowedRoles(Roles.ADMIN)
    public List<LocalSmsMessage> messagesTo(String phoneNumber, int limit, Actor reader) {
        PhoneNumber number = PhoneNumber.parse(phoneNumber);
        List<LocalSmsMessage> messages = store.smsTo(number.e164(), limit);
        audit.record(reader, "local-inbox.sms-read", number.masked(), messages.size() + " messages");
        return messages;
    }
}
