package org.mvoting.application.polls;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.polls.Actor;
import org.mvoting.application.ballots.BallotMixer;
import org.mvoting.application.mileage.MileageAwards;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.AuditCheckpoints;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.PollRepository;
import org.mvoting.infrastructure.persistence.TallyCount;

/**
 * Closing a poll: stop ballots, mix what waits, recount, compare with the live tally. Internal (no role
 * check of its own): staff reach it through the role-checked administration service, the scheduler directly.
 */
@Stateless
public class PollClosing {

    private static final Logger LOG = Logger.getLogger(PollClosing.class.getName());

    @Inject
    private PollRepository polls;

    @Inject
    private BallotLedger ledger;

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private AuditTrail audit;

    @Inject
    private BallotMixer mixer;

    @Inject
    private AuditCheckpoints checkpoints;

    @Inject
    private MileageAwards mileage;

    public ResultsView close(UUID pollId, Actor actor) {
        // Exclusive: waits until ballots already in flight have committed, and holds new ones back until
        // the poll is closed, so the recount below sees every ballot there will ever be.
        locks.exclusive(AdvisoryLocks.Space.POLL, pollId);
        Poll poll = polls.find(pollId).orElseThrow(() -> new PollNotFoundException(pollId));
        polls.refresh(poll); // the caller may have read it before the lock; the scheduler may have closed it since
        poll.close(Instant.now());
        mixer.mixPoll(pollId); // whatever still waits in the inbox, however few
        Map<Long, TallyCount> recount = ledger.recount(pollId);
        Map<Long, TallyCount> live = ledger.liveTally(pollId);
        boolean agreed = sameCounts(recount, live);
        if (!agreed) {
            LOG.severe(() -> "Live tally of poll " + pollId + " differs from the recount: live=" + live
                    + " recount=" + recount);
        }
        ledger.storeFinalTally(pollId, recount);
        poll.recordFinalResult(recount.getOrDefault(BallotLedger.TURNOUT, new TallyCount(0, 0)).votes(), agreed);
        mileage.recordAtClose(poll, actor); // before the close: the checkpoint below copies the close's own event
        audit.record(actor, "poll.close", pollId, "ballots=" + poll.finalBallots() + " verified=" + agreed);
        // the chain head is now this close's own event: a copy of it and of the tally, shown with the results
        checkpoints.pollClosed(pollId, recount, Instant.now());
        return PollViews.results(poll, recount, true).withCheckpoint(checkpoints.forPoll(pollId).orElse(null));
    }

    private static boolean sameCounts(Map<Long, TallyCount> a, Map<Long, TallyCount> b) {
        return a.size() == b.size() && a.entrySet().stream().allMatch(e -> e.getValue().equals(b.get(e.getKey())));
    }
}
