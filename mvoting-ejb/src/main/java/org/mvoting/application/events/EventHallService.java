package org.mvoting.application.events;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.ballots.AnswerMark;
import org.mvoting.api.ballots.BallotBox;
import org.mvoting.api.ballots.BallotPaper;
import org.mvoting.api.ballots.CastReceipt;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.errors.NotEligibleException;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.errors.PollNotOpenException;
import org.mvoting.api.events.EventConsole;
import org.mvoting.api.events.EventConsoleView;
import org.mvoting.api.events.EventFloor;
import org.mvoting.api.events.EventLiveState;
import org.mvoting.api.events.EventQuestion;
import org.mvoting.api.events.LiveQuestion;
import org.mvoting.api.events.OptionCount;
import org.mvoting.api.events.QuestionState;
import org.mvoting.api.identity.AccessTokens;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.application.ballots.BallotMixing;
import org.mvoting.application.polls.PollClosing;
import org.mvoting.domain.poll.AnswerOption;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.poll.Question;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.crypto.TokenCodec;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.EventLedger;
import org.mvoting.infrastructure.persistence.PollRepository;
import org.mvoting.infrastructure.persistence.TallyCount;

/**
 * The hall during an event: the operator's console and what the screens show, and the participants' ballots.
 * Every question is an ordinary poll (kind EVENT, audience EVENT_PARTICIPANTS) and every ballot goes through
 * {@link BallotBox#cast}: the participation's primary key is the one-vote guarantee, exactly as for any poll, and
 * nothing on the vote path writes to a row shared by the voters (the event and question rows are only read).
 */
@Stateless
public class EventHallService implements EventConsole, EventFloor {

    static final int LONGEST_COUNTDOWN_SECONDS = 3600;
    static final int MOST_ROUNDS = 50;
    static final long MOST_PAPER_BALLOTS = 1_000_000;
    private static final Actor COUNTDOWN = new Actor("system:event-countdown", "timer");

    @Inject
    private EventLedger events;

    @Inject
    private PollRepository polls;

    @Inject
    private BallotLedger ballots;

    @Inject
    private EventHallKeys hallKeys;

    @Inject
    private AuditTrail audit;

    @Inject
    private StaffCaller caller;

    @Inject
    private ServerSecrets secrets;

    @Inject
    private AdvisoryLocks locks;

    @EJB
    private BallotBox ballotBox;

    @EJB
    private AccessTokens accessTokens;

    @EJB
    private BallotMixing mixing;

    @EJB
    private PollClosing closing;

    // ---------------------------------------------------------------- the console

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.AUDITOR})
    public EventConsoleView console(UUID eventId) {
        var event = events.event(eventId).orElseThrow(() -> new NotFoundException("event-not-found", eventId));
        List<EventQuestion> questions = events.questions(eventId).stream().map(this::question).toList();
        return new EventConsoleView(event, events.countJoined(eventId), questions, events.onScreens(eventId).orElse(null));
    }

    @Override
    @AllowedRoles(Roles.EVENT_OPERATOR)
    public EventQuestion addQuestion(UUID eventId, int round, QuestionDraft draft, Actor actor) {
        operating(eventId);
        events.event(eventId).orElseThrow(() -> new NotFoundException("event-not-found", eventId));
        if (round < 1 || round > MOST_ROUNDS) {
            throw new InvalidPollException("event-round", MOST_ROUNDS);
        }
        // counted by hand too, so only questions whose paper ballots are a tick per option
        if (draft.type() != QuestionType.SINGLE_CHOICE && draft.type() != QuestionType.MULTIPLE_CHOICE
                && draft.type() != QuestionType.YES_NO) {
            throw new InvalidPollException("event-question-type", draft.type().name());
        }
        Poll poll = ask(eventId, round, draft, null);
        audit.record(actor, "event.add-question", eventId, "round " + round + ": " + poll.title());
        return question(events.question(eventId, poll.id()).orElseThrow());
    }

    @Override
    @AllowedRoles(Roles.EVENT_OPERATOR)
    public EventQuestion openQuestion(UUID eventId, UUID pollId, int countdownSeconds, Actor actor) {
        operating(eventId);
        EventLedger.QuestionRow row = questionOf(eventId, pollId);
        if (countdownSeconds < 0 || countdownSeconds > LONGEST_COUNTDOWN_SECONDS) {
            throw new InvalidPollException("event-countdown", LONGEST_COUNTDOWN_SECONDS);
        }
        // one question at a time: every phone shows the question on the screens, and only that one
        for (EventLedger.QuestionRow other : events.questions(eventId)) {
            if (!other.pollId().equals(pollId) && poll(other.pollId()).status() == PollStatus.OPEN) {
                throw new InvalidPollException("event-question-still-open");
            }
        }
        Instant now = Instant.now();
        poll(pollId).openAtEvent(now, countdownSeconds == 0 ? null : now.plusSeconds(countdownSeconds));
        events.putOnScreens(eventId, pollId);
        audit.record(actor, "event.open-question", pollId, countdownSeconds == 0 ? "no countdown"
                : "countdown " + countdownSeconds + " s");
        return question(row);
    }

    @Override
    @AllowedRoles(Roles.EVENT_OPERATOR)
    public EventQuestion closeQuestion(UUID eventId, UUID pollId, Actor actor) {
        operating(eventId);
        EventLedger.QuestionRow row = questionOf(eventId, pollId);
        locks.exclusive(AdvisoryLocks.Space.POLL, pollId); // ballots in flight finish first
        Poll poll = poll(pollId);
        polls.refresh(poll);
        if (poll.status() != PollStatus.CLOSED) { // the countdown may have closed it a moment ago: closed is closed
            closing.close(pollId, actor);
        }
        return question(row);
    }

    @Override
    @AllowedRoles(Roles.EVENT_OPERATOR)
    public EventQuestion showResults(UUID eventId, UUID pollId, boolean shown, Actor actor) {
        operating(eventId);
        EventLedger.QuestionRow row = questionOf(eventId, pollId);
        if (poll(pollId).status() == PollStatus.DRAFT) {
            throw new InvalidPollException("event-question-not-opened");
        }
        events.showResults(pollId, shown);
        if (shown) {
            events.putOnScreens(eventId, pollId);
        }
        audit.record(actor, shown ? "event.show-results" : "event.hide-results", pollId, null);
        return question(events.question(eventId, pollId).orElse(row));
    }

    @Override
    @AllowedRoles(Roles.EVENT_OPERATOR)
    public EventQuestion carryForward(UUID eventId, UUID pollId, int topN, Actor actor) {
        operating(eventId);
        EventLedger.QuestionRow row = questionOf(eventId, pollId);
        Poll source = poll(pollId);
        if (source.status() != PollStatus.CLOSED) {
            throw new InvalidPollException("event-question-not-closed");
        }
        List<OptionCount> counts = counts(source);
        if (topN < 2 || topN >= counts.size()) { // a question of one option asks nothing
            throw new InvalidPollException("event-carry-count", counts.size() - 1);
        }
        List<String> carried = topOptions(counts, topN);
        Question asked = source.questions().get(0);
        int most = Math.min(asked.maxSelections(), carried.size());
        QuestionDraft draft = new QuestionDraft(most == 1 ? QuestionType.SINGLE_CHOICE : QuestionType.MULTIPLE_CHOICE,
                asked.text(), carried, null, most, null);
        Poll next = ask(eventId, row.round() + 1, draft, pollId);
        audit.record(actor, "event.carry-forward", next.id(), "top " + topN + " of " + pollId + ": "
                + carried.size() + " options");
        return question(events.question(eventId, next.id()).orElseThrow());
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
    @AllowedRoles(Roles.EVENT_OPERATOR)
    public EventQuestion enterPaperCounts(UUID eventId, UUID pollId, Map<Long, Long> paperCounts, Actor actor) {
        operating(eventId);
        EventLedger.QuestionRow row = questionOf(eventId, pollId);
        Poll poll = poll(pollId);
        if (poll.status() == PollStatus.DRAFT) {
            throw new InvalidPollException("event-question-not-opened");
        }
        if (row.announcedAt() != null) {
            throw new InvalidPollException("event-question-announced"); // the hall has seen it as final
        }
        Map<Long, Long> entered = new HashMap<>();
        List<Long> optionIds = poll.questions().get(0).options().stream().map(AnswerOption::id).toList();
        for (Map.Entry<Long, Long> given : paperCounts.entrySet()) {
            if (given.getKey() == null || !optionIds.contains(given.getKey())) {
                throw new InvalidPollException("event-paper-unknown-option", String.valueOf(given.getKey()));
            }
            if (given.getValue() == null || given.getValue() < 0 || given.getValue() > MOST_PAPER_BALLOTS) {
                throw new InvalidPollException("event-paper-count", MOST_PAPER_BALLOTS);
            }
        }
        optionIds.forEach(id -> entered.put(id, paperCounts.getOrDefault(id, 0L)));
        events.replacePaperCounts(pollId, entered, caller.staffId(), Instant.now());
        audit.record(actor, "event.paper-counts", pollId, entered.toString());
        return question(row);
    }

    @Override
    @AllowedRoles(Roles.EVENT_OPERATOR)
    public EventQuestion announceFinal(UUID eventId, UUID pollId, Actor actor) {
        operating(eventId);
        questionOf(eventId, pollId);
        if (poll(pollId).status() != PollStatus.CLOSED) {
            throw new InvalidPollException("event-question-not-closed");
        }
        events.announce(pollId, Instant.now());
        events.putOnScreens(eventId, pollId);
        audit.record(actor, "event.announce", pollId, null);
        return question(events.question(eventId, pollId).orElseThrow());
    }

    /**
     * One console action at a time per event, before anything is read: two operators (or a double click) cannot open
     * two questions, give two questions one position or carry a round forward twice.
     */
    private void operating(UUID eventId) {
        locks.exclusive(AdvisoryLocks.Space.EVENT, eventId);
    }

    private Poll ask(UUID eventId, int round, QuestionDraft draft, UUID carriedFrom) {
        Poll poll = Poll.askedAtEvent(eventId, draft, caller.staffId(), Instant.now());
        polls.add(poll);
        polls.assignIds(); // the question row refers to the poll
        events.addQuestion(poll.id(), eventId, round, carriedFrom, Instant.now());
        return poll;
    }

    private EventQuestion question(EventLedger.QuestionRow row) {
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
                row.announcedAt() != null, row.carriedFrom(), ballotsOf(poll), paper, counts);
    }

    /** Phone ballots (the live tally while open, the recount once closed), paper counts, and the two combined. */
    private List<OptionCount> counts(Poll poll) {
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

    private long ballotsOf(Poll poll) {
        return switch (poll.status()) {
            case DRAFT -> 0;
            case CLOSED -> poll.finalBallots() == null ? 0 : poll.finalBallots();
            default -> events.ballotsCast(poll.id());
        };
    }

    private static QuestionState stateOf(Poll poll) {
        return switch (poll.status()) {
            case OPEN -> QuestionState.OPEN;
            case CLOSED -> QuestionState.CLOSED;
            default -> QuestionState.PREPARED;
        };
    }

    private EventLedger.QuestionRow questionOf(UUID eventId, UUID pollId) {
        return events.question(eventId, pollId).orElseThrow(() -> new PollNotFoundException(pollId));
    }

    private Poll poll(UUID pollId) {
        return polls.find(pollId).orElseThrow(() -> new PollNotFoundException(pollId));
    }

    // ---------------------------------------------------------------- the hall's screens and ballots

    @Override
    public EventLiveState live(String joinCode) {
        String code = joinCode == null ? "" : joinCode.strip();
        EventLedger.Hall hall = events.hall(code).orElseThrow(() -> new NotFoundException("event-not-found", code));
        LiveQuestion shown = null;
        if (hall.currentPollId() != null) {
            Poll poll = poll(hall.currentPollId());
            Instant now = Instant.now();
            EventLedger.QuestionRow row = events.question(hall.eventId(), poll.id()).orElseThrow();
            if (poll.status() == PollStatus.OPEN && poll.schedule().hasEndedBy(now)) {
                // The countdown ran out (late ballots are refused already): close now rather than at the scheduler's
                // next round. Only one caller closes; the others report what they see and the next read shows it.
                if (locks.tryExclusive(AdvisoryLocks.Space.POLL, poll.id())) {
                    polls.refresh(poll);
                    if (poll.status() == PollStatus.OPEN) {
                        closing.close(poll.id(), COUNTDOWN);
                    }
                }
            } else if (poll.status() == PollStatus.OPEN && row.resultsShown()) {
                // Shown on the big screen: mix what waits now, however few, so the bars keep up. Hidden results wait
                // for the ordinary mixer's batches (turnout comes from the participations either way).
                mixing.mixNow(poll.id());
            }
            Question asked = poll.questions().get(0);
            List<LiveQuestion.LiveOption> options = asked.options().stream()
                    .map(o -> new LiveQuestion.LiveOption(o.id(), o.position(), o.label())).toList();
            shown = new LiveQuestion(poll.id(), row.round(), asked.text(), asked.maxSelections(), stateOf(poll),
                    poll.countdownEnd(), options, ballotsOf(poll),
                    row.resultsShown(), row.announcedAt() != null, row.resultsShown() ? counts(poll) : List.of());
        }
        return new EventLiveState(code, hall.title(), hall.participants(), hall.joined(), shown, Instant.now());
    }

    @Override
    public CastReceipt vote(String joinCode, UUID pollId, List<Long> optionIds, String bearerToken,
                            String idempotencyKey) {
        String code = joinCode == null ? "" : joinCode.strip();
        UUID eventId = hallKeys.eventOf(code).orElseThrow(() -> new NotFoundException("event-not-found", code));
        VoterCredential voter = participant(eventId, bearerToken);
        // The question's event and id never change once it is asked, so they come from memory; the poll itself is
        // read only by the ballot box, under its lock (a copy read here, before the lock, could be stale there).
        EventLedger.QuestionKey question = hallKeys.question(pollId).filter(q -> eventId.equals(q.eventId()))
                .orElseThrow(() -> new PollNotFoundException(pollId));
        if (!question.asked()) {
            throw new PollNotOpenException(QuestionState.PREPARED.name()); // prepared, not yet asked
        }
        return ballotBox.cast(pollId, new BallotPaper(List.of(new AnswerMark(question.questionId(), optionIds))), voter,
                idempotencyKey);
    }

    /**
     * The participant behind a bearer token: an event pass names its event and the participant's voter key; a
     * citizen's own sign-in carries the same key for a participant registered by phone. Either way one key, so one
     * ballot, whichever they use first.
     */
    private VoterCredential participant(UUID eventId, String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MISSING);
        }
        JsonObject claims = new TokenCodec(secrets.tokenSecret()).verify(bearerToken, Instant.now());
        if (!"event".equals(claims.getString("typ", ""))) {
            return accessTokens.authenticate(bearerToken, Channel.ONSITE);
        }
        if (!eventId.toString().equals(claims.getString("evt", ""))) {
            throw new NotEligibleException(); // a pass for another event
        }
        try {
            return new VoterCredential(Base64.getUrlDecoder().decode(claims.getString("evk")),
                    AssuranceLevel.SMS_VERIFIED, Channel.ONSITE);
        } catch (RuntimeException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
    }
}
