package org.mvoting.api.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An event question as the operator's console shows it. Each question is one poll on the ballot engine
 * ({@code pollId}); {@code carriedFrom} is the question whose top options it carries forward. The counts are always
 * there for the operator, whether or not they are shown on the big screen.
 */
public record EventQuestion(UUID pollId, int round, int position, String text, int maxSelections, QuestionState state,
                            Instant opensAt, Instant closesAt, boolean resultsShown, boolean announced,
                            UUID carriedFrom, long ballots, long paperBallots, List<OptionCount> counts) {

    public EventQuestion {
        counts = List.copyOf(counts);
    }
}
