package org.mvoting.domain.poll;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.polls.ResultsVisibility;
import org.mvoting.domain.organization.Department;

/** Builders shared by the poll tests; every instant is fixed so that no test depends on the clock. */
final class PollFixtures {

    static final Instant CREATED = Instant.parse("2030-03-01T00:00:00Z");
    static final Instant OPENS = Instant.parse("2030-03-02T00:00:00Z");
    static final Instant CLOSES = Instant.parse("2030-03-09T00:00:00Z");
    static final Instant DURING = OPENS.plus(Duration.ofDays(2));
    static final Department DEPARTMENT = new Department("X", "name");

    private PollFixtures() {
    }

    static Schedule schedule() {
        return new Schedule(OPENS, CLOSES);
    }

    static Poll draft() {
        return draft(AudienceType.OPEN);
    }

    static Poll draft(AudienceType audience) {
        return Poll.draftedBy(DEPARTMENT, PollKind.CITY_TO_CITIZEN, "Park benches", "Where should they go?",
                schedule(), audience, AssuranceLevel.SMS_VERIFIED, ResultsVisibility.AFTER_VOTING,
                "operator@city", CREATED);
    }

    static QuestionDraft yesNo(String text) {
        return new QuestionDraft(QuestionType.YES_NO, text, List.of(), null, null, null);
    }

    static Poll draftWithQuestion() {
        Poll poll = draft();
        poll.addQuestion(yesNo("Do you want more benches?"));
        return poll;
    }

    static Poll pending() {
        Poll poll = draftWithQuestion();
        poll.submitForApproval();
        return poll;
    }

    static Poll open() {
        Poll poll = pending();
        poll.approve(CREATED);
        return poll;
    }
}
