package org.mvoting.api.events;

import java.time.Instant;

/** A member of staff who runs an event: its creator, or one assigned by {@code assignedBy}. */
public record EventOperator(String staffId, String name, boolean creator, String assignedBy, Instant assignedAt) {
}
