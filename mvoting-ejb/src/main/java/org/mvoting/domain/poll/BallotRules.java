package org.mvoting.domain.poll;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.mvoting.api.ballots.AnswerMark;
import org.mvoting.api.ballots.BallotPaper;
import org.mvoting.api.errors.InsufficientAssuranceException;
import org.mvoting.api.errors.InvalidBallotException;
import org.mvoting.api.errors.InvalidBallotException.Reason;
import org.mvoting.api.errors.NotEligibleException;
import org.mvoting.api.errors.NotInvitedException;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.QuestionType;

/**
 * What a ballot must look like for one published poll. Immutable, because a published poll's questions
 * never change, so the vote path can keep it cached and still apply exactly the aggregate's rules.
 */
public record BallotRules(UUID pollId, AudienceType audience, AssuranceLevel minimumAssurance,
                          List<QuestionRule> questions) {

    /** One question's rule: which options belong to it and how many may be chosen. */
    public record QuestionRule(long questionId, QuestionType type, int minSelections, int maxSelections,
                               List<Long> optionIds) {

        public QuestionRule {
            optionIds = List.copyOf(optionIds);
        }
    }

    public BallotRules {
        questions = List.copyOf(questions);
    }

    /**
     * Whether this voter may vote here: the assurance they presented must meet the poll's minimum, and a
     * LISTED poll admits only listed voters ({@code listed} is asked only then, it costs a lookup).
     */
    public void admit(AssuranceLevel presented, BooleanSupplier listed) {
        admit(presented, false, listed);
    }

    /**
     * As above, for a citizen ({@code staffVoter} false) or a member of staff: staff identities vote only in
     * staff (ORG_UNITS) polls and citizens only in the others, so a person who is both holds one key per poll.
     */
    public void admit(AssuranceLevel presented, boolean staffVoter, BooleanSupplier listed) {
        // A certificate voter's key is not their phone's: admitted elsewhere, one person could vote by each.
        if (presented == AssuranceLevel.CERTIFICATE && minimumAssurance != AssuranceLevel.CERTIFICATE) {
            throw InsufficientAssuranceException.certificateNotAccepted();
        }
        if (staffVoter != (audience == AudienceType.ORG_UNITS)) {
            throw new NotEligibleException();
        }
        if (!presented.satisfies(minimumAssurance)) {
            throw new InsufficientAssuranceException(minimumAssurance);
        }
        // PANEL_SAMPLE: only the members its draw invited ({@code listed} asks the draw), told so plainly
        if (audience == AudienceType.PANEL_SAMPLE && !listed.getAsBoolean()) {
            throw new NotInvitedException();
        }
        // ORG_UNITS: the staff audience was resolved into the same list of voter keys at approval;
        // EVENT_PARTICIPANTS: the event's participants are the list (it grows as walk-ins join).
        if ((audience == AudienceType.LISTED || audience == AudienceType.ORG_UNITS
                || audience == AudienceType.EVENT_PARTICIPANTS) && !listed.getAsBoolean()) {
            throw new NotEligibleException();
        }
    }

    /** Device-level polls take one ballot per device as well as one per voter. */
    public boolean countsDevices() {
        return minimumAssurance == AssuranceLevel.DEVICE;
    }

    /** Checks a ballot against every question and returns the marks to record; refuses with the reason. */
    public List<Mark> validate(BallotPaper ballot) {
        Map<Long, AnswerMark> answers = new HashMap<>();
        Map<Long, QuestionRule> byId = new HashMap<>();
        questions.forEach(q -> byId.put(q.questionId(), q));
        for (AnswerMark answer : ballot.answers()) {
            if (!byId.containsKey(answer.questionId())) {
                throw new InvalidBallotException(Reason.UNKNOWN_QUESTION, answer.questionId());
            }
            if (answers.put(answer.questionId(), answer) != null) {
                throw new InvalidBallotException(Reason.DUPLICATE_ANSWER, answer.questionId());
            }
        }
        List<Mark> marks = new ArrayList<>();
        for (QuestionRule q : questions) {
            AnswerMark answer = answers.get(q.questionId());
            if (answer == null) {
                throw new InvalidBallotException(Reason.MISSING_ANSWER, q.questionId());
            }
            marks.addAll(marksFor(q, answer.optionIds()));
        }
        return marks;
    }

    private static List<Mark> marksFor(QuestionRule q, List<Long> chosen) {
        Set<Long> seen = new HashSet<>();
        for (Long optionId : chosen) {
            if (!q.optionIds().contains(optionId)) {
                throw new InvalidBallotException(Reason.OPTION_NOT_IN_QUESTION, optionId, q.questionId());
            }
            if (!seen.add(optionId)) {
                throw new InvalidBallotException(Reason.DUPLICATE_OPTION, optionId);
            }
        }
        if (chosen.size() < q.minSelections()) {
            throw new InvalidBallotException(Reason.TOO_FEW_SELECTIONS, q.questionId(), q.minSelections());
        }
        if (chosen.size() > q.maxSelections()) {
            throw new InvalidBallotException(Reason.TOO_MANY_SELECTIONS, q.questionId(), q.maxSelections());
        }
        List<Mark> marks = new ArrayList<>(chosen.size());
        int n = q.optionIds().size();
        for (int i = 0; i < chosen.size(); i++) {
            boolean ranking = q.type() == QuestionType.RANKING;
            marks.add(new Mark(q.questionId(), chosen.get(i), ranking ? i + 1 : null, ranking ? n - i : 0));
        }
        return marks;
    }
}
