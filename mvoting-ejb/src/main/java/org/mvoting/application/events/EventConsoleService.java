package org.mvoting.application.events;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.errors.EventNothingPendingException;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.events.EventConsole;
import org.mvoting.api.events.EventConsoleView;
import org.mvoting.api.events.EventQuestion;
import org.mvoting.api.events.PendingPaperCounts;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.application.polls.PollClosing;
import org.mvoting.domain.event.Event;
import org.mvoting.domain.event.FourEyes;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.EventLedger;
import org.mvoting.infrastructure.persistence.PollRepository;

/**
 * The event operator's console: each action is for the event's own operators ({@link EventAccess}), loads the
 * {@link Event}, lets it decide (one question at a time, paper count limits, carrying forward), then writes what
 * changed. Paper counts wait for a second person ({@link FourEyes}) before they are in any result. Every question is
 * an ordinary poll (kind EVENT, audience EVENT_PARTICIPANTS); its lifecycle (open, close) is the poll's, its ballots
 * the ballot box's.
 */
@Stateless
public class EventConsoleService implements EventConsole {

    @Inject
    private EventLedger events;

    @Inject
    private PollRepository polls;

    @Inject
    private EventHallViews views;

    @Inject
    private AuditTrail audit;

    @Inject
    private StaffCaller caller;

    @Inject
    private AdvisoryLocks locks;

    @EJB
    private PollClosing closing;

    @Inject
    private EventAccess access;

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.AUDITOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventConsoleView console(UUID eventId) {
        var event = events.event(eventId).orElseThrow(() -> new NotFoundException("event-not-found", eventId));
        List<EventQuestion> questions = events.questions(eventId).stream().map(views::question).toList();
        return new EventConsoleView(event, events.countJoined(eventId), questions, events.onScreens(eventId).orElse(null),
                access.operators(event), events.pendingTokenBatches(eventId), access.mayOperate(eventId));
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventQuestion addQuestion(UUID eventId, int round, QuestionDraft draft, Actor actor) {
        access.requireOperatorOf(eventId);
        Event event = operating(eventId).orElseThrow(() -> new NotFoundException("event-not-found", eventId));
        event.prepareQuestion(round, draft.type());
        Poll poll = ask(eventId, round, draft, null);
        audit.record(actor, "event.add-question", eventId, "round " + round + ": " + poll.title());
        return views.question(events.question(eventId, poll.id()).orElseThrow());
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventQuestion openQuestion(UUID eventId, UUID pollId, int countdownSeconds, Actor actor) {
        Event event = questionAt(eventId, pollId);
        Instant now = Instant.now();
        Instant countdownEnd = event.openQuestion(pollId, countdownSeconds, now);
        views.poll(pollId).openAtEvent(now, countdownEnd);
        events.putOnScreens(eventId, pollId);
        audit.record(actor, "event.open-question", pollId, countdownSeconds == 0 ? "no countdown"
                : "countdown " + countdownSeconds + " s");
        return question(eventId, pollId);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventQuestion closeQuestion(UUID eventId, UUID pollId, Actor actor) {
        questionAt(eventId, pollId);
        locks.exclusive(AdvisoryLocks.Space.POLL, pollId); // ballots in flight finish first
        // read after the lock: the countdown may have closed it a moment ago, and closed is closed
        Event event = events.eventWithQuestions(eventId).orElseThrow(() -> new PollNotFoundException(pollId));
        if (event.closeQuestion(pollId)) {
            closing.close(pollId, actor);
        }
        return question(eventId, pollId);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventQuestion showResults(UUID eventId, UUID pollId, boolean shown, Actor actor) {
        Event event = questionAt(eventId, pollId);
        event.showResults(pollId, shown);
        events.showResults(pollId, shown);
        if (shown) {
            events.putOnScreens(eventId, pollId);
        }
        audit.record(actor, shown ? "event.show-results" : "event.hide-results", pollId, null);
        return question(eventId, pollId);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventQuestion carryForward(UUID eventId, UUID pollId, int topN, Actor actor) {
        Event event = questionAt(eventId, pollId);
        Event.CarriedQuestion carried = event.carryForward(pollId, topN, views.counts(views.poll(pollId)));
        Poll next = ask(eventId, carried.round(), carried.question(), carried.carriedFrom());
        audit.record(actor, "event.carry-forward", next.id(), "top " + topN + " of " + pollId + ": "
                + carried.question().options().size() + " options");
        return question(eventId, next.id());
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventQuestion registerPaperBallots(UUID eventId, UUID pollId, long handedOut, Actor actor) {
        Event event = questionAt(eventId, pollId);
        event.registerPaperBallots(pollId, handedOut);
        events.registerPaperBallots(pollId, handedOut, caller.staffId());
        audit.record(actor, "event.paper-ballots", pollId, handedOut + " paper ballots handed out, registered by "
                + caller.staffId());
        return question(eventId, pollId);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventQuestion enterPaperCounts(UUID eventId, UUID pollId, Map<Long, Long> paperCounts, Actor actor) {
        Event event = questionAt(eventId, pollId);
        Map<Long, Long> entered = event.enterPaperCounts(pollId, paperCounts);
        events.replacePendingPaper(pollId, entered, caller.staffId(), Instant.now());
        audit.record(actor, "event.paper-counts", pollId, "pending, entered by " + caller.staffId() + ": "
                + new java.util.TreeMap<>(entered));
        return question(eventId, pollId);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventQuestion decidePaperCounts(UUID eventId, UUID pollId, boolean confirm, Actor actor) {
        Event event = questionAt(eventId, pollId);
        PendingPaperCounts pending = events.pendingPaper(pollId).orElseThrow(EventNothingPendingException::new);
        Instant now = Instant.now();
        if (confirm) {
            FourEyes.requireSecondPerson(pending.enteredBy(), caller.staffId());
            // the rules again, as they stand now: announced meanwhile, or the ballots handed out registered lower
            Map<Long, Long> counts = event.enterPaperCounts(pollId, pending.counts());
            events.replacePaperCounts(pollId, counts, pending.enteredBy(), pending.enteredAt(), caller.staffId(), now);
        }
        events.deletePendingPaper(pollId);
        audit.record(actor, confirm ? "event.confirm-paper-counts" : "event.decline-paper-counts", pollId,
                "entered by " + pending.enteredBy() + ", " + (confirm ? "confirmed" : "declined") + " by "
                        + caller.staffId() + ": " + new java.util.TreeMap<>(pending.counts()));
        return question(eventId, pollId);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventQuestion announceFinal(UUID eventId, UUID pollId, Actor actor) {
        Event event = questionAt(eventId, pollId);
        Instant now = Instant.now();
        event.announce(pollId, now);
        events.announce(pollId, now);
        events.putOnScreens(eventId, pollId);
        audit.record(actor, "event.announce", pollId, null);
        return question(eventId, pollId);
    }

    /**
     * One console action at a time per event, before anything is read: two operators (or a double click) cannot open
     * two questions, give two questions one position or carry a round forward twice. Then the event as it stands.
     */
    private Optional<Event> operating(UUID eventId) {
        locks.exclusive(AdvisoryLocks.Space.EVENT, eventId);
        return events.eventWithQuestions(eventId);
    }

    /** The event, for an action on one of its questions (a question of another event is not found). */
    private Event questionAt(UUID eventId, UUID pollId) {
        access.requireOperatorOf(eventId);
        Event event = operating(eventId).orElseThrow(() -> new PollNotFoundException(pollId));
        event.question(pollId);
        return event;
    }

    private Poll ask(UUID eventId, int round, QuestionDraft draft, UUID carriedFrom) {
        Poll poll = Poll.askedAtEvent(eventId, draft, caller.staffId(), Instant.now());
        polls.add(poll);
        polls.assignIds(); // the question row refers to the poll
        events.addQuestion(poll.id(), eventId, round, carriedFrom, Instant.now());
        return poll;
    }

    private EventQuestion question(UUID eventId, UUID pollId) {
        return views.question(events.question(eventId, pollId).orElseThrow());
    }
}
