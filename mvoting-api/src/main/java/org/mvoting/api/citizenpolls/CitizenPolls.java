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

    /**
     * The proposer sends the invite-only poll's link by SMS to every invitee not yet invited (or whose invitation
     * failed) and not opted out; each SMS carries an opt-out link. At most MVOTING_CITIZEN_INVITATIONS_PER_DAY
     * invitations per citizen a day (the whole batch is refused past it).
     */
    org.mvoting.api.polls.InvitationProgress invite(String bearerToken, UUID pollId, String linkBase);

    /** The invite-only poll's phone list as its proposer sees it: masked, with each number's invitation state. */
    PageOf<org.mvoting.api.polls.ListedNumber> invitees(String bearerToken, UUID pollId, int page, int size);

    /**
     * The proposer adds people to an invite-only poll (typed or pasted numbers: validated, deduplicated, kept
     * encrypted); returns how many the list holds now. Invalid numbers are refused (422 phone-invalid).
     */
    int addInvitees(String bearerToken, UUID pollId, List<String> phoneNumbers);

    /** Someone who got an invitation asks never to be messaged by citizens' polls again (the link's token). */
    void optOut(String token);

    /** Open public citizen polls (the citizens' poll directory), closing soonest first. */
    PageOf<PollSummary> directory(int page, int size);

    /**
     * A citizen reports a poll (once per poll); past MVOTING_REPORTS_TO_HIDE open reports it is hidden pending
     * review.
     */
    void report(String bearerToken, UUID pollId, ReportReason reason, String detail);
}
