package org.mvoting.api.events;

import java.time.Instant;
import java.util.UUID;

/** A citizen's request to take part in an event, as the operator and the citizen see it. */
public record Registration(UUID id, UUID eventId, String name, String group, Status status, Instant requestedAt) {

    /** Waiting for an operator, approved (a participant now), or declined. */
    public enum Status {
        PENDING, APPROVED, DECLINED
    }
}
