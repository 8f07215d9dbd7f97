package org.mvoting.application.ballots;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.BallotLedger;

/**
 * Mixing, each poll in its own transaction: a poll whose mix fails rolls back alone and the others are mixed. Only
 * one node mixes at a time (a try-lock per transaction, so the others skip rather than queue), and a routine round
 * mixes only polls with at least {@code minimumBatch} waiting ballots: a batch hides each ballot among the others
 * cast since the last one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class BallotMixing {

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private BallotLedger ledger;

    @Inject
    private BallotMixer mixer;

    /**
     * Mixes one poll's waiting ballots now, in its own transaction, however few: the timer calls it for each poll
     * ready to mix, and the hall for a shown question, whose tally on the big screen must not lag behind the hall (a
     * busy mixer skips; the next call, a fraction of a second later, mixes).
     */
    public int mixNow(UUID pollId) {
        if (!locks.tryExclusive(AdvisoryLocks.Space.MIXER, 0)) {
            return 0;
        }
        locks.shared(AdvisoryLocks.Space.POLL, pollId); // closing waits for this mix to finish
        return mixer.mixPoll(pollId);
    }

    /** The polls with at least {@code minimumBatch} ballots waiting; each is then mixed by {@link #mixNow}. */
    public List<UUID> pollsReadyToMix(int minimumBatch) {
        return ledger.pollsWithPendingBallots(Math.max(1, minimumBatch));
    }
}
