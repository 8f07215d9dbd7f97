package org.mvoting.api.ballots;

import java.time.Instant;
import java.util.UUID;

/** A poll's sealed ballots that could not be opened and were set aside: how many, and when the latest was. */
public record QuarantinedBallots(UUID pollId, String pollTitle, long count, Instant latest) {
}
