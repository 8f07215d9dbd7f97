package org.mvoting.api.polls;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.ballots.ResultsView;

/** What a department does with its polls: define, publish, close. Every call leaves an audit entry. */
@Local
public interface PollAdministration {

    DepartmentView registerDepartment(DepartmentView department, Actor actor);

    PollView createPoll(PollDraft draft, Actor actor);

    /** Adds a question to a poll that is still a draft (a sixth is refused). */
    PollView addQuestion(UUID pollId, QuestionDraft question, Actor actor);

    /** Submits and approves in one step (the interim operator is also the approver) and opens the poll. */
    PollView publish(UUID pollId, Actor actor);

    /** Closes the poll now and recomputes the final result from the ballots. */
    ResultsView close(UUID pollId, Actor actor);

    /**
     * Sets (replacing) or extends the phone numbers allowed to vote in a LISTED poll, so long lists can be
     * sent in batches; returns how many distinct numbers the list holds now.
     */
    int listVoters(UUID pollId, List<String> phoneNumbers, boolean replaceExisting, Actor actor);

    /** Results regardless of visibility, for staff. */
    ResultsView results(UUID pollId);
}
