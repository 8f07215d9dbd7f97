package org.mvoting.application.events;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.application.polls.PollClosing;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.EventLedger;
import org.mvoting.infrastructure.persistence.PollRepository;

/**
 * What the hall's clock does, each step in its own transaction (driven by {@link EventCountdownTimer}): finds the open
 * event questions, and closes one whose countdown ran out. Internal (no role check): nobody but the timer calls it.
 */
@Stateless
public class EventCountdown {

    static final Actor COUNTDOWN = new Actor("system:event-countdown", "timer");

    @Inject
    private EventLedger events;

    @Inject
    private PollRepository polls;

    @Inject
    private AdvisoryLocks locks;

    @EJB
    private PollClosing closing;

    public List<EventLedger.OpenQuestion> openQuestions() {
        return events.openQuestions(Instant.now());
    }

    /**
     * Closes a question whose countdown ran out (late ballots are refused already by its schedule). Only one node
     * closes: the others find the lock taken, or the question closed, and leave it. A ballot still in flight holds the
     * lock too; then the next round, a moment later, closes. True when closed here.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean closeRunOut(UUID pollId) {
        if (!locks.tryExclusive(AdvisoryLocks.Space.POLL, pollId)) {
            return false;
        }
        Poll poll = polls.find(pollId).orElse(null);
        if (poll == null) {
            return false;
        }
        polls.refresh(poll);
        if (poll.status() != PollStatus.OPEN || !poll.schedule().hasEndedBy(Instant.now())) {
            return false;
        }
        closing.close(pollId, COUNTDOWN);
        return true;
    }
}
