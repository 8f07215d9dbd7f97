package org.mvoting.api.ballots;

import java.time.Instant;
import java.util.UUID;

/**
 * Proof handed to the voter that their ballot was counted. {@code replayed} is true when this answers a
 * retry of an earlier, already counted request with the same idempotency key.
 */
public record CastReceipt(UUID pollId, String receipt, Instant castHour, boolean replayed) {
}
