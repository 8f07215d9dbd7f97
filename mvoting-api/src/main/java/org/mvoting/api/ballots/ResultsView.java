package org.mvoting.api.ballots;

import java.util.List;
import java.util.UUID;
import org.mvoting.api.audit.ChainCheckpoint;
import org.mvoting.api.polls.PollStatus;

/**
 * A poll's results. While open they come from the live tally ({@code finalResult} false); after close
 * they are the recount from the ballots, and {@code tallyVerified} says the live tally agreed with it;
 * {@code checkpoint} is the audit chain's checkpoint taken at the close (null while open, and for polls closed before
 * the chain existed).
 */
public record ResultsView(UUID pollId, String title, PollStatus status, long ballots, boolean finalResult,
                          Boolean tallyVerified, List<QuestionResult> questions, ChainCheckpoint checkpoint) {

    public ResultsView(UUID pollId, String title, PollStatus status, long ballots, boolean finalResult,
                       Boolean tallyVerified, List<QuestionResult> questions) {
        this(pollId, title, status, ballots, finalResult, tallyVerified, questions, null);
    }

    public ResultsView withCheckpoint(ChainCheckpoint at) {
        return new ResultsView(pollId, title, status, ballots, finalResult, tallyVerified, questions, at);
    }
}
