package org.mvoting.domain.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.mvoting.api.errors.EventLimitException;
import org.mvoting.api.errors.EventPaperBallotsException;
import org.mvoting.api.errors.EventPaperOptionUnknownException;
import org.mvoting.api.errors.EventQuestionAnnouncedException;
import org.mvoting.api.errors.EventQuestionNotClosedException;
import org.mvoting.api.errors.EventQuestionNotOpenedException;
import org.mvoting.api.errors.EventQuestionStillOpenException;
import org.mvoting.api.errors.EventQuestionTypeException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.events.OptionCount;
import org.mvoting.api.events.QuestionState;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;

/**
 * An on-site event in the hall: its questions in rounds, the one question on every screen, and the rules the operator's
 * console follows. One question is voted on at a time; results are shown, paper counts entered and a result announced
 * only where the question has got that far; a closed question's top options carry into the next round. Each question
 * is a poll on the ballot engine, which keeps that poll's own lifecycle (a prepared poll opens once, a closed one never
 * reopens) and its ballots; the event decides what the hall may do with it. Not a JPA entity: the event's tables are
 * read and written by native SQL (EventLedger), and a hall ballot never loads an event.
 */
public final class Event {

    public static final int MOST_ROUNDS = 50;
    public static final int LONGEST_COUNTDOWN_SECONDS = 3600;
    public static final long MOST_PAPER_BALLOTS = 1_000_000;
    /** Counted by hand too: only questions whose paper ballots are a tick per option. */
    private static final Set<QuestionType> COUNTED_BY_HAND =
            EnumSet.of(QuestionType.YES_NO, QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE);

    private final UUID id;
    private final Map<UUID, HallQuestion> questions = new LinkedHashMap<>();
    private final boolean rehearsal;
    private final Instant startsAt;
    private UUID onScreens;

    /**
     * The event as kept: its questions in round and position order, and the question on the screens (or null); a
     * real event whose start time is not known counts as under way.
     */
    public Event(UUID id, UUID onScreens, List<HallQuestion> questions) {
        this(id, onScreens, questions, false, null);
    }

    /** The event as kept, with whether it is a rehearsal and when it starts. */
    public Event(UUID id, UUID onScreens, List<HallQuestion> questions, boolean rehearsal, Instant startsAt) {
        this.id = Objects.requireNonNull(id, "id");
        this.rehearsal = rehearsal;
        this.startsAt = startsAt;
        Objects.requireNonNull(questions, "questions").forEach(q -> this.questions.put(q.pollId(), q));
        if (onScreens != null && !this.questions.containsKey(onScreens)) {
            throw new IllegalArgumentException("the screens show " + onScreens + ", not a question of event " + id);
        }
        this.onScreens = onScreens;
    }

    public UUID id() {
        return id;
    }

    /** The question every screen in the hall shows, if any yet. */
    public Optional<UUID> onScreens() {
        return Optional.ofNullable(onScreens);
    }

    public List<HallQuestion> questions() {
        return List.copyOf(questions.values());
    }

    /** One of this event's questions; a poll of another event (or none) is not found here. */
    public HallQuestion question(UUID pollId) {
        HallQuestion question = pollId == null ? null : questions.get(pollId);
        if (question == null) {
            throw new PollNotFoundException(pollId);
        }
        return question;
    }

    /** The question being voted on now, if any. */
    public Optional<HallQuestion> votingOn() {
        return questions.values().stream().filter(q -> q.state() == QuestionState.OPEN).findFirst();
    }

    /**
     * Whether the event is under way: a real event (not a rehearsal) whose start time has come or one of whose
     * questions has been asked. Before that, in preparation or rehearsal, printed tokens are issued for the door and
     * valid at once; from then on a token admits a new voter into a running event, so it needs a second person.
     */
    public boolean isUnderWay(Instant now) {
        if (rehearsal) {
            return false;
        }
        return startsAt == null || !Objects.requireNonNull(now, "now").isBefore(startsAt)
                || questions.values().stream().anyMatch(q -> q.state() != QuestionState.PREPARED);
    }

    // ---------------------------------------------------------------- verbs

    /**
     * Whether a question of this type may be prepared in this round, before its poll is made: rounds run from 1 to
     * {@value #MOST_ROUNDS}, and every question is counted by hand as well (a tick per option).
     */
    public void prepareQuestion(int round, QuestionType type) {
        if (round < 1 || round > MOST_ROUNDS) {
            throw new EventLimitException(EventLimitException.Limit.ROUND, MOST_ROUNDS);
        }
        if (type == null || !COUNTED_BY_HAND.contains(type)) {
            throw new EventQuestionTypeException(type == null ? "null" : type.name());
        }
    }

    /**
     * Opens voting on a question and puts it on every screen: one question at a time, so every phone shows the question
     * on the screens and only that one. {@code countdownSeconds} 0 means until closed by hand. Returns when the
     * countdown runs out (null without one). Whether the question's poll may open at all (once, from prepared) is the
     * poll's own rule.
     */
    public Instant openQuestion(UUID pollId, int countdownSeconds, Instant now) {
        HallQuestion question = question(pollId);
        if (countdownSeconds < 0 || countdownSeconds > LONGEST_COUNTDOWN_SECONDS) {
            throw new EventLimitException(EventLimitException.Limit.COUNTDOWN, LONGEST_COUNTDOWN_SECONDS);
        }
        Optional<HallQuestion> open = votingOn().filter(other -> !other.equals(question));
        if (open.isPresent()) {
            throw new EventQuestionStillOpenException();
        }
        if (question.state() == QuestionState.PREPARED) {
            question.open();
        }
        onScreens = pollId;
        return countdownSeconds == 0 ? null : Objects.requireNonNull(now, "now").plusSeconds(countdownSeconds);
    }

    /**
     * Ends voting on a question. Returns false when it is closed already (by its countdown a moment ago, or a second
     * click): closed is closed. A prepared question goes to its poll, whose lifecycle refuses to close what never
     * opened.
     */
    public boolean closeQuestion(UUID pollId) {
        HallQuestion question = question(pollId);
        if (question.state() == QuestionState.CLOSED) {
            return false;
        }
        if (question.state() == QuestionState.OPEN) {
            question.close();
        }
        return true;
    }

    /** Shows (or hides) a question's results on the big screen and the phones; shown, it becomes the screens' question. */
    public void showResults(UUID pollId, boolean shown) {
        HallQuestion question = question(pollId);
        if (question.state() == QuestionState.PREPARED) {
            throw new EventQuestionNotOpenedException();
        }
        question.showResults(shown);
        if (shown) {
            onScreens = pollId;
        }
    }

    /**
     * Registers how many paper ballots were handed out for a question: the bound of its paper counts. Refused once its
     * result was announced as final; a whole number from 0 to {@value #MOST_PAPER_BALLOTS}.
     */
    public void registerPaperBallots(UUID pollId, long handedOut) {
        HallQuestion question = question(pollId);
        if (question.announced()) {
            throw new EventQuestionAnnouncedException();
        }
        if (handedOut < 0 || handedOut > MOST_PAPER_BALLOTS) {
            throw new EventLimitException(EventLimitException.Limit.PAPER_COUNT, MOST_PAPER_BALLOTS);
        }
        question.handOutPaper(handedOut);
    }

    /**
     * The paper ballots counted by hand, per option id; they replace an earlier entry, and an option not given counts
     * 0. Returns every option's count. Refused before voting opened and once the result was announced as final (the
     * hall has seen it); each count is a whole number from 0 to {@value #MOST_PAPER_BALLOTS}, and none may exceed the
     * paper ballots registered as handed out for the question, nor the ticks together what those ballots can carry
     * (one per ballot, or up to the question's most selections). Checked again when a second person confirms.
     */
    public Map<Long, Long> enterPaperCounts(UUID pollId, Map<Long, Long> paperCounts) {
        HallQuestion question = question(pollId);
        if (question.state() == QuestionState.PREPARED) {
            throw new EventQuestionNotOpenedException();
        }
        if (question.announced()) {
            throw new EventQuestionAnnouncedException();
        }
        for (Map.Entry<Long, Long> given : paperCounts.entrySet()) {
            if (given.getKey() == null || !question.optionIds().contains(given.getKey())) {
                throw new EventPaperOptionUnknownException(String.valueOf(given.getKey()));
            }
            if (given.getValue() == null || given.getValue() < 0 || given.getValue() > MOST_PAPER_BALLOTS) {
                throw new EventLimitException(EventLimitException.Limit.PAPER_COUNT, MOST_PAPER_BALLOTS);
            }
        }
        long handedOut = question.paperHandedOut().orElseThrow(() ->
                new EventPaperBallotsException(EventPaperBallotsException.Reason.NOT_REGISTERED, 0));
        long ticks = 0;
        for (Long votes : paperCounts.values()) {
            ticks += votes;
            if (votes > handedOut) {
                throw new EventPaperBallotsException(EventPaperBallotsException.Reason.EXCEEDED, handedOut);
            }
        }
        if (ticks > handedOut * Math.max(1, question.maxSelections())) {
            throw new EventPaperBallotsException(EventPaperBallotsException.Reason.EXCEEDED, handedOut);
        }
        Map<Long, Long> entered = new HashMap<>();
        question.optionIds().forEach(option -> entered.put(option, paperCounts.getOrDefault(option, 0L)));
        return entered;
    }

    /** Announces a closed question's result as final: shown, marked final (the first announcement's time stays), on every screen. */
    public void announce(UUID pollId, Instant now) {
        HallQuestion question = question(pollId);
        if (question.state() != QuestionState.CLOSED) {
            throw new EventQuestionNotClosedException();
        }
        question.announce(Objects.requireNonNull(now, "now"));
        onScreens = pollId;
    }

    /** What carrying a closed question forward asks next: a prepared question in the following round. */
    public record CarriedQuestion(int round, UUID carriedFrom, QuestionDraft question) {
    }

    /**
     * The next round's question with the {@code topN} options of a closed question by combined count ({@code counts}:
     * phone and paper, one per option, in the order asked). Carries 2 to one fewer than the options (a question of one
     * option asks nothing; all of them would narrow nothing).
     */
    public CarriedQuestion carryForward(UUID pollId, int topN, List<OptionCount> counts) {
        HallQuestion source = question(pollId);
        if (source.state() != QuestionState.CLOSED) {
            throw new EventQuestionNotClosedException();
        }
        if (topN < 2 || topN >= counts.size()) {
            throw new EventLimitException(EventLimitException.Limit.CARRY_COUNT, counts.size() - 1);
        }
        List<String> carried = topOptions(counts, topN);
        int most = Math.min(source.maxSelections(), carried.size());
        QuestionDraft draft = new QuestionDraft(most == 1 ? QuestionType.SINGLE_CHOICE : QuestionType.MULTIPLE_CHOICE,
                source.text(), carried, null, most, null);
        return new CarriedQuestion(source.round() + 1, pollId, draft);
    }

    /**
     * The {@code n} options with the most combined votes, in the order they were asked; an option tied with the last
     * one carried is carried too (nobody is dropped by the order they happened to be listed in).
     */
    static List<String> topOptions(List<OptionCount> counts, int n) {
        List<OptionCount> ranked = new ArrayList<>(counts);
        ranked.sort(Comparator.comparingLong(OptionCount::combined).reversed().thenComparingInt(OptionCount::position));
        long threshold = ranked.get(n - 1).combined();
        return counts.stream().filter(c -> c.combined() >= threshold).map(OptionCount::label).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Event other && id.equals(other.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "Event[" + id + ", " + questions.size() + " questions, on screens " + onScreens + "]";
    }
}
