package org.mvoting.api.polls;

import jakarta.ejb.Local;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.ballots.ResultsView;

/**
 * What departments do with their polls. Operators draft and submit; the department head (or an executive
 * above the department) approves, and the poll opens at once, or rejects with a reason. Every method
 * checks the caller's roles and department; every change leaves an audit entry.
 */
@Local
public interface PollAdministration {

    /** The most characters of a reason given to staff or a citizen: a rejection, or a moderator's removal. */
    int REASON_LENGTH = 1000;

    /** A new draft for the caller's department (OPERATOR). */
    PollView createPoll(PollDraft draft, Actor actor);

    /** Replaces a draft's text, schedule, settings and questions (OPERATOR, DRAFT only). */
    PollView updateDraft(UUID pollId, PollDraft draft, Actor actor);

    /** Adds a question to a poll that is still a draft (a sixth is refused). */
    PollView addQuestion(UUID pollId, QuestionDraft question, Actor actor);

    /** Sets the staff audience of a city-to-staff draft (units and named people from the directory). */
    PollRecord setStaffAudience(UUID pollId, StaffAudience audience, Actor actor);

    /** Sends a draft to the department head (OPERATOR). */
    PollRecord submit(UUID pollId, Actor actor);

    /** The head's (or an executive's) approval: the poll opens now. A staff audience is fixed at this moment. */
    PollRecord approve(UUID pollId, Actor actor);

    /** Sends a submitted poll back to draft with a reason the operator sees. */
    PollRecord reject(UUID pollId, String reason, Actor actor);

    /** Closes the poll now and recomputes the final result from the ballots. */
    ResultsView close(UUID pollId, Actor actor);

    /**
     * Withdraws an open or closed poll of the department (its head, an executive above it, or ADMIN) with a reason:
     * no more ballots, out of every list, the record kept; every mileage award it paid is reversed once (a second
     * removal is refused, and the reversal itself cannot happen twice).
     */
    PollRecord remove(UUID pollId, String reason, Actor actor);

    /** Moves an open poll's end later. */
    PollRecord extend(UUID pollId, Instant newClosesAt, Actor actor);

    /** A new draft with the same text, questions and audience (any state may be copied). */
    PollView duplicate(UUID pollId, Actor actor);

    /** The longest a meeting room's poll stays open, in minutes (a working day). */
    int MEETING_MAX_MINUTES = 24 * 60;

    /**
     * One question, open now for {@code minutes}, for the staff in a meeting room (the department's OPERATOR, its
     * DEPT_HEAD or an EXECUTIVE above it): its audience is whoever signed in opens the link (joins) within the first
     * {@code joinMinutes} (1..minutes), one vote each; a later joiner is refused (meeting-join-closed).
     */
    PollRecord quickMeetingPoll(String departmentCode, QuestionDraft question, int minutes, int joinMinutes, Actor actor);

    /**
     * Sets (replacing) or extends the phone numbers allowed to vote in a LISTED poll, so long lists can be
     * sent in batches; returns how many distinct numbers the list holds now.
     */
    int listVoters(UUID pollId, List<String> phoneNumbers, boolean replaceExisting, Actor actor);

    /**
     * Imports an uploaded phone list into a LISTED poll (replacing or adding): every usable number is listed, every
     * other row is reported with its reason and row number ({@code firstRow} is the file's row of the first value).
     */
    ListImportReport importListedVoters(UUID pollId, List<String> values, int firstRow, boolean replaceExisting,
                                        Actor actor);

    /**
     * Sends an SMS invitation with the poll's link to every listed number of an open LISTED poll that has not
     * been invited yet or whose invitation failed; returns the progress. {@code linkBase} is where citizens reach
     * the site (scheme://host/context).
     */
    InvitationProgress inviteListedVoters(UUID pollId, String linkBase, Actor actor);

    /** How the poll's invitations stand. */
    InvitationProgress invitationProgress(UUID pollId);

    /** The poll's listed numbers, masked, with their invitation state, in a stable order. */
    PageOf<ListedNumber> listedNumbers(UUID pollId, int page, int size);

    /** Results regardless of visibility, for the department's staff and auditors. */
    ResultsView results(UUID pollId);

    PollRecord record(UUID pollId);

    /** The full poll (questions and options) for staff of its department and auditors, in any state. */
    PollView poll(UUID pollId);

    /** Polls the caller may see (their department's; every poll for auditors and the mayor's office), newest first. */
    PageOf<PollRecord> listPolls(PollFilter filter, int page, int size);

    Dashboard dashboard();

    /** Ballots per hour since the poll opened (for the turnout chart); index 0 is the opening hour. */
    List<Long> turnoutByHour(UUID pollId);
}
