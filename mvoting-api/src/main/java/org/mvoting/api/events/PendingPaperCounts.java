package org.mvoting.api.events;

import java.time.Instant;
import java.util.Map;

/**
 * Paper counts entered for a question and waiting for a second person: not in any result until confirmed.
 * {@code counts}: option id → paper ballots.
 */
public record PendingPaperCounts(String enteredBy, Instant enteredAt, Map<Long, Long> counts) {

    public PendingPaperCounts {
        counts = Map.copyOf(counts);
    }
}
