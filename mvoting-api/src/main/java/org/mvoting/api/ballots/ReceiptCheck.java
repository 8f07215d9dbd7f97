package org.mvoting.api.ballots;

import java.time.Instant;
import java.util.UUID;

/**
 * The answer to "is my ballot counted?": never what was chosen. PENDING means it is recorded and waits
 * to be mixed into the tally (castHour is then not yet known); COUNTED means it is in the tally.
 */
public record ReceiptCheck(UUID pollId, String receipt, Status status, Instant castHour) {

    /** Where the ballot with this receipt is. */
    public enum Status { PENDING, COUNTED }
}
