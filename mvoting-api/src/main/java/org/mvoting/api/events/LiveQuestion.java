package org.mvoting.api.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The question on the screens, as participants and the big screen see it. {@code results} is empty unless the
 * operator shows the results; {@code ballots} (turnout) is always there.
 */
public record LiveQuestion(UUID pollId, int round, String text, int maxSelections, QuestionState state,
                           Instant closesAt, List<LiveOption> options, long ballots, boolean resultsShown,
                           boolean announced, List<OptionCount> results) {

    /** An option to vote for. */
    public record LiveOption(long id, int position, String label) {
    }

    public LiveQuestion {
        options = List.copyOf(options);
        results = List.copyOf(results);
    }
}
