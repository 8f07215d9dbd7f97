package org.mvoting.api.ballots;

import java.util.List;
import java.util.UUID;
import org.mvoting.api.polls.PollStatus;

/**
 * A poll's results. While open they come from the live tally ({@code finalResult} false); after close
 * they are the recount from the ballots, and {@code tallyVerified} says the live tally agreed with it.
 */
public record ResultsView(UUID pollId, String title, PollStatus status, long ballots, boolean finalResult,
                          Boolean tallyVerified, List<QuestionResult> questions) {
}
