package org.mvoting.api.messaging;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.polls.Actor;

/** Reads what the local push adapter stored: the demo and tests see here which installations were notified. */
@Local
public interface LocalPushInbox {

    /** True when the local adapter is the one in use (otherwise there is nothing to read here). */
    boolean isActive();

    /** Newest first, at most {@code limit}; the reading is recorded in the audit trail for {@code reader}. */
    List<LocalPushMessage> messagesFor(UUID installationId, int limit, Actor reader);
}
