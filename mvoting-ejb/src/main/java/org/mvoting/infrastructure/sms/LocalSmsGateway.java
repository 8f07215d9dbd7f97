package org.mvoting.infrastructure.sms;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.mvoting.infrastructure.persistence.LocalMessageStore;

/**
 * The local adapter: instead of leaving the building, each message is stored in local_sms_message, where
 * the demo and the tests read it. It really records (in the delivery transaction); it never claims a
 * delivery it did not make.
 */
@ApplicationScoped
public class LocalSmsGateway implements SmsGateway {

    @Inject
    private LocalMessageStore store;

    @Override
    public void send(UUID messageId, String recipientE164, String text) {
        store.storeSms(messageId, recipientE164, text);
    }
}
