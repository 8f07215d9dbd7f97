package org.mvoting.application.polls;

import java.util.List;
import java.util.Map;
import org.mvoting.api.ballots.OptionResult;
import org.mvoting.api.ballots.QuestionResult;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.polls.OptionView;
import org.mvoting.api.polls.PollSummary;
import org.mvoting.api.polls.PollView;
import org.mvoting.api.polls.QuestionView;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.TallyCount;

/** Turns the aggregate into the transfer records of mvoting-api (entities never leave the EJB tier). */
public final class PollViews {

    private PollViews() {
    }

    public static PollView of(Poll poll) {
        List<QuestionView> questions = poll.questions().stream()
                .map(q -> new QuestionView(q.id(), q.position(), q.type(), q.text(), q.minSelections(),
                        q.maxSelections(), q.options().stream()
                        .map(o -> new OptionView(o.id(), o.position(), o.label())).toList()))
                .toList();
        return new PollView(poll.id(), poll.kind(), poll.status(), poll.title(), poll.description(),
                departmentName(poll), poll.schedule().opensAt(), poll.schedule().closesAt(), poll.audience(),
                poll.minimumAssurance(), poll.resultsVisibility(), questions, poll.mileageWon());
    }

    public static PollSummary summary(Poll poll) {
        return new PollSummary(poll.id(), poll.kind(), poll.title(), departmentName(poll),
                poll.schedule().closesAt(), poll.questions().size());
    }

    public static ResultsView results(Poll poll, Map<Long, TallyCount> counts, boolean finalResult) {
        long ballots = counts.getOrDefault(BallotLedger.TURNOUT, new TallyCount(0, 0)).votes();
        List<QuestionResult> questions = poll.questions().stream()
                .map(q -> new QuestionResult(q.id(), q.text(), q.type(), q.options().stream()
                        .map(o -> {
                            TallyCount c = counts.getOrDefault(o.id(), new TallyCount(0, 0));
                            double share = ballots == 0 ? 0 : Math.round(1000.0 * c.votes() / ballots) / 1000.0;
                            return new OptionResult(o.id(), o.label(), c.votes(), c.points(), share);
                        }).toList()))
                .toList();
        return new ResultsView(poll.id(), poll.title(), poll.status(), ballots, finalResult,
                finalResult ? poll.tallyVerified() : null, questions);
    }

    private static String departmentName(Poll poll) {
        return poll.ownerDepartment() == null ? null : poll.ownerDepartment().name();
    }
}
