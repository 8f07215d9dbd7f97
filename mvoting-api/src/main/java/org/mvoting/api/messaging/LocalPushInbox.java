package org.mvoting.api.messaging;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;

/** Reads what the local push adapter stored: the demo and tests see here which installations were notified. */
@Local
public interface LocalPushInbox {

    /** True when the local adapter is the one in use (otherwise there is nothing to read here). */
    boolean isActive();

    /** Newest first, at most {@code limit}. */
    List<LocalPushMessage> messagesFor(UUID installationId, int limit);
}
