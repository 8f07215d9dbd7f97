package org.mvoting.api.messaging;

import jakarta.ejb.Local;
import java.util.List;
import org.mvoting.api.polls.Actor;

/** Reads what the local SMS adapter stored: the demo and tests read sign-in codes here. */
@Local
public interface LocalSmsInbox {

    /** True when the local adapter is the one in use (otherwise there is nothing to read here). */
    boolean isActive();

    /**
     * Newest first, at most {@code limit}; the phone number in any accepted notation. The reading is recorded in the
     * audit trail for {@code reader} (the texts hold sign-in codes), under the number masked.
     */
    List<LocalSmsMessage> messagesTo(String phoneNumber, int limit, Actor reader);
}
