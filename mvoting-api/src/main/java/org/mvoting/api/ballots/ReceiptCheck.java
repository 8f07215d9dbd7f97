package org.mvoting.api.ballots;

import java.time.Instant;
import java.util.UUID;

/** The answer to "is my ballot counted?": never what was chosen. */
public record ReceiptCheck(UUID pollId, String receipt, boolean counted, Instant castHour) {
}
