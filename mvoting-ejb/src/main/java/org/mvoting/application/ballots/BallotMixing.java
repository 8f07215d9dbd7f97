package org.mvoting.application.ballots;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.UUID;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.BallotLedger;

/**
 * One mixing round in its own transaction. Only one node mixes at a time (a try-lock, so the others skip
 * the round rather than queue), and only polls with at least {@code minimumBatch} waiting ballots are
 * mixed: a batch hides each ballot among the others cast since the last one.
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
     * Mixes one poll's waiting ballots now, however few: an event question's tally on the big screen must not lag
     * behind the hall (a busy mixer skips; the next call, a fraction of a second later, mixes). In a hall where
     * everyone votes within seconds the batch is large anyway.
     */
    public int mixNow(UUID pollId) {
        if (!locks.tryExclusive(AdvisoryLocks.Space.MIXER, 0)) {
            return 0;
        }
        locks.shared(AdvisoryLocks.Space.POLL, pollId);
        return mixer.mixPoll(pollId);
    }

    public int mixReadyPolls(int minimumBatch) {
        if (!locks.tryExclusive(AdvisoryLocks.Space.MIXER, 0)) {
            return 0;
        }
        int moved = 0;
        for (UUID pollId : ledger.pollsWithPendingBallots(Math.max(1, minimumBatch))) {
            locks.shared(AdvisoryLocks.Space.POLL, pollId); // closing waits for this mix to finish
            moved += mixer.mixPoll(pollId);
        }
        return moved;
    }
}
