package org.mvoting.api.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event question as the operator's console shows it. Each question is one poll on the ballot engine
 * ({@code pollId}); {@code carriedFrom} is the question whose top options it carries forward. The counts are always
 * there for the operator, whether or not they are shown on the big screen; they hold confirmed paper counts only.
 * {@code paperHandedOut}: the paper ballots registered as handed out (null: none yet); {@code pendingPaper}: counts
 * entered and waiting for a second person (null: none).
 */
public record EventQuestion(UUID pollId, int round, int position, String text, int maxSelections, QuestionState state,
                            Instant opensAt, Instant closesAt, boolean resultsShown, boolean announced,
                            UUID carriedFrom, long ballots, long paperBallots, List<OptionCount> counts,
                            Long paperHandedOut, PendingPaperCounts pendingPaper) {

    public EventQuestion {
        counts = List.copyOf(counts);
    }

    /** A question without paper ballots registered or paper counts waiting. */
    public EventQuestion(UUID pollId, int round, int position, String text, int maxSelections, QuestionState state,
                         Instant opensAt, Instant closesAt, boolean resultsShown, boolean announced,
                         UUID carriedFrom, long ballots, long paperBallots, List<OptionCount> counts) {
        this(pollId, round, position, text, maxSelections, state, opensAt, closesAt, resultsShown, announced,
                carriedFrom, ballots, paperBallots, counts, null, null);
    }
}
