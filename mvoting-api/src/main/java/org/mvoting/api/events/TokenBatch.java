package org.mvoting.api.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One issue of printed tokens made while the event was under way: PENDING until a second person confirms it
 * (CONFIRMED) or declines it (DECLINED: its tokens are deleted).
 */
public record TokenBatch(UUID id, UUID eventId, int tokens, Status status, String issuedBy, Instant issuedAt,
                         String decidedBy, Instant decidedAt) {

    /** Where a batch stands. */
    public enum Status {
        PENDING, CONFIRMED, DECLINED
    }
}
