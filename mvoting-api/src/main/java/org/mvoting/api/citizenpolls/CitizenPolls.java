package org.mvoting.api.citizenpolls;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.polls.PollSummary;

/** Citizens' own polls; every method that acts for a citizen takes their bearer token. */
@Local
public interface CitizenPolls {

    /**
     * Creates and publishes a citizen's poll. Personal information in any text is refused (the problem names what
     * to remove); abusive, political or commercial signals hold it for a moderator before it opens. At most
     * MVOTING_CITIZEN_POLLS_PER_DAY polls per citizen a day.
     */
    CitizenPollRecord propose(String bearerToken, CitizenPollDraft draft);

    /** The citizen's own polls, newest first. */
    List<CitizenPollRecord> mine(String bearerToken);

    /** The proposer closes their poll now. */
    CitizenPollRecord close(String bearerToken, UUID pollId);

    /** Open public citizen polls (the citizens' poll directory), closing soonest first. */
    PageOf<PollSummary> directory(int page, int size);

    /**
     * A citizen reports a poll (once per poll); past MVOTING_REPORTS_TO_HIDE open reports it is hidden pending
     * review.
     */
    void report(String bearerToken, UUID pollId, ReportReason reason, String detail);
}
