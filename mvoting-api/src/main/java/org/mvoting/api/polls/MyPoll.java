package org.mvoting.api.polls;

import java.time.Instant;
import java.util.UUID;

/**
 * A staff poll whose audience includes the calling member of staff, as they see it in "my polls".
 *
 * @param state          upcoming (approved, not begun), open (ballots taken now) or closed
 * @param closingSoon    open and closing within {@link MyPolls#CLOSING_SOON}
 * @param voted          whether the caller has voted (never what they chose; the receipt stays with whoever cast it)
 * @param resultsVisible whether the caller may read the results now, as the poll's visibility allows
 */
public record MyPoll(UUID id, String title, String department, State state, Instant opensAt, Instant closesAt,
                     boolean closingSoon, boolean voted, ResultsVisibility resultsVisibility, boolean resultsVisible,
                     int questionCount) {

    /** Where the poll stands for its voters. */
    public enum State { UPCOMING, OPEN, CLOSED }
}
