package org.mvoting.application.ballots;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.domain.ballot.SealedBallot;
import org.mvoting.domain.poll.Mark;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.MixedBallot;
import org.mvoting.infrastructure.persistence.PendingBallot;
import org.mvoting.infrastructure.persistence.TallyCount;

/**
 * Moves a poll's waiting ballots from the sealed inbox into the clear tables, in the caller's transaction:
 * opens them, gives each a fresh random id, shuffles them, stores them with their choices and adds the
 * batch to the live tally (and a panel poll's ballots to the counts per stratum they carry). The caller holds the poll's advisory lock (shared for a routine mix,
 * exclusive when closing).
 *
 * <p>A ballot that does not open (altered in storage, restored under another server key) is moved to the
 * quarantine in the same transaction, with one warning, and the others are mixed: one bad row must not stop the
 * count of its poll, nor of any other.
 */
@ApplicationScoped
public class BallotMixer {

    private static final Logger LOG = Logger.getLogger(BallotMixer.class.getName());
    private static final int BATCH = 5_000;

    @Inject
    private BallotLedger ledger;

    @Inject
    private ServerSecrets secrets;

    /** Mixes everything waiting for the poll; returns how many ballots were moved into the clear tables. */
    public int mixPoll(UUID pollId) {
        int moved = 0;
        List<PendingBallot> sealed;
        do {
            sealed = ledger.takePendingBallots(pollId, BATCH);
            List<MixedBallot> ballots = new ArrayList<>(sealed.size());
            Map<Long, TallyCount> tally = new HashMap<>();
            Map<Stratum, Map<Long, Long>> strata = new HashMap<>();
            for (PendingBallot one : sealed) {
                SealedBallot.Contents ballot;
                try {
                    ballot = SealedBallot.open(secrets.inboxKey(), one.sealed());
                } catch (RuntimeException unreadable) {
                    ledger.quarantine(pollId, one, String.valueOf(unreadable.getMessage()), Instant.now());
                    LOG.warning(() -> "A sealed ballot of poll " + pollId + " does not open (" + unreadable.getMessage()
                            + "): moved to ballot_quarantine as " + one.id() + ", not counted");
                    continue;
                }
                ballots.add(new MixedBallot(UUID.randomUUID(), ballot.receipt(), ballot.castHour(), ballot.marks(),
                        ballot.stratum()));
                if (ballot.stratum() != null) {
                    Map<Long, Long> counts = strata.computeIfAbsent(ballot.stratum(), s -> new HashMap<>());
                    counts.merge(BallotLedger.TURNOUT, 1L, Long::sum);
                    ballot.marks().forEach(m -> counts.merge(m.optionId(), 1L, Long::sum));
                }
                tally.merge(BallotLedger.TURNOUT, new TallyCount(1, 0), BallotMixer::sum);
                for (Mark m : ballot.marks()) {
                    tally.merge(m.optionId(), new TallyCount(1, m.points()), BallotMixer::sum);
                }
            }
            Collections.shuffle(ballots, secrets.random());
            ledger.recordMixedBallots(pollId, ballots);
            ledger.addToTally(pollId, tally);
            ledger.addToStratumTally(pollId, strata);
            moved += ballots.size();
        } while (sealed.size() == BATCH);
        return moved;
    }

    private static TallyCount sum(TallyCount a, TallyCount b) {
        return new TallyCount(a.votes() + b.votes(), a.points() + b.points());
    }
}
