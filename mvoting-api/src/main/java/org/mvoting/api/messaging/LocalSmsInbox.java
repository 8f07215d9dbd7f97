package org.mvoting.api.messaging;

import jakarta.ejb.Local;
import java.util.List;

/** Reads what the local SMS adapter stored: the demo and tests read sign-in codes here. */
@Local
public interface LocalSmsInbox {

    /** Newest first, at most {@code limit}; the phone number in any accepted notation. */
    List<LocalSmsMessage> messagesTo(String phoneNumber, int limit);
}
