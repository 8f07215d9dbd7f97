package org.mvoting.application.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.events.EventQuestion;
import org.mvoting.api.events.LiveQuestion;
import org.mvoting.api.events.OptionCount;
import org.mvoting.api.events.QuestionState;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.domain.poll.AnswerOption;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.poll.Question;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.EventLedger;
import org.mvoting.infrastructure.persistence.PollRepository;
import org.mvoting.infrastructure.persistence.TallyCount;

/**
 * An event question as the console and the hall's screens see it: its poll's text, options and state, turnout, and the
 * phone, paper and combined counts. Reads only; shared by the console and the floor.
 */
@ApplicationScoped
class EventHallViews {

    @Inject
    private EventLedger events;

    @Inject
    private PollRepository polls;

    @Inject
    private BallotLedger ballots;

    /** The console's view of one question. */
    EventQuestion question(EventLedger.QuestionRow row) {
        Poll poll = poll(row.pollId());
        Question asked = poll.questions().get(0);
        List<OptionCount> counts = counts(poll);
        long paper = counts.stream().mapToLong(OptionCount::paper).sum();
        return new EventQuestion(poll.id(), row.round(), row.position(), asked.text(), asked.maxSelections(),
                stateOf(poll), poll.status() == PollStatus.DRAFT ? null : poll.schedule().opensAt(),
                switch (poll.status()) {
                    case OPEN -> poll.countdownEnd();
                    case CLOSED -> poll.schedule().closesAt();
                    default -> null;
                }, row.resultsShown(),
                row.announcedAt() != null, row.carriedFrom(), ballotsOf(poll), paper, counts, row.paperHandedOut(),
                events.pendingPaper(poll.id()).orElse(null));
    }

    /** The screens' view of the question they show: the counts only while the operator shows them. */
    LiveQuestion live(Poll poll, EventLedger.QuestionRow row) {
        Question asked = poll.questions().get(0);
        List<LiveQuestion.LiveOption> options = asked.options().stream()
                .map(o -> new LiveQuestion.LiveOption(o.id(), o.position(), o.label())).toList();
        return new LiveQuestion(poll.id(), row.round(), asked.text(), asked.maxSelections(), stateOf(poll),
                poll.countdownEnd(), options, ballotsOf(poll),
                row.resultsShown(), row.announcedAt() != null, row.resultsShown() ? counts(poll) : List.of());
    }

    /**
     * Phone ballots (the live tally while open, the recount once closed), the confirmed paper counts (never those
     * waiting for a second person), and the two combined.
     */
    List<OptionCount> counts(Poll poll) {
        Map<Long, TallyCount> phone = switch (poll.status()) {
            case OPEN -> ballots.liveTally(poll.id());
            case CLOSED -> ballots.finalTally(poll.id());
            default -> Map.of();
        };
        Map<Long, Long> paper = events.paperCounts(poll.id());
        List<OptionCount> counts = new ArrayList<>();
        for (AnswerOption option : poll.questions().get(0).options()) {
            long onPhones = Optional.ofNullable(phone.get(option.id())).map(TallyCount::votes).orElse(0L);
            long onPaper = paper.getOrDefault(option.id(), 0L);
            counts.add(new OptionCount(option.id(), option.position(), option.label(), onPhones, onPaper,
                    onPhones + onPaper));
        }
        return counts;
    }

    Poll poll(UUID pollId) {
        return polls.find(pollId).orElseThrow(() -> new PollNotFoundException(pollId));
    }

    private long ballotsOf(Poll poll) {
        return switch (poll.status()) {
            case DRAFT -> 0;
            case CLOSED -> poll.finalBallots() == null ? 0 : poll.finalBallots();
            default -> events.ballotsCast(poll.id());
        };
    }

    private static QuestionState stateOf(Poll poll) {
        return EventLedger.questionState(poll.status().name());
    }
}
