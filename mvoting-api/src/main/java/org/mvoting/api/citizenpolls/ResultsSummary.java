package org.mvoting.api.citizenpolls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.audit.ChainCheckpoint;
import org.mvoting.api.ballots.QuestionResult;

/**
 * A closed poll's results summary, as a petition would cite it: the poll text, its period, who could vote, how
 * many took part, the counts per option, and the verification code anyone can check on the public page; and the
 * audit chain's checkpoint taken at the close ({@code checkpoint}, null for polls closed before the chain existed and
 * for summaries issued before it was printed), so a copy of it exists outside the database.
 */
public record ResultsSummary(UUID pollId, String title, String description, String kind, String audience,
                             Instant opensAt, Instant closesAt, long participants, List<QuestionResult> questions,
                             String verificationCode, Instant issuedAt, ChainCheckpoint checkpoint) {

    public ResultsSummary(UUID pollId, String title, String description, String kind, String audience,
                          Instant opensAt, Instant closesAt, long participants, List<QuestionResult> questions,
                          String verificationCode, Instant issuedAt) {
        this(pollId, title, description, kind, audience, opensAt, closesAt, participants, questions, verificationCode,
                issuedAt, null);
    }
}
