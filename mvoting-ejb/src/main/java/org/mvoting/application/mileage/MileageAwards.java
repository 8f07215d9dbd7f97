package org.mvoting.application.mileage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.Actor;
import org.mvoting.domain.mileage.LedgerEntry;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.MileageLedger;

/**
 * Writes the ledger inside the caller's transaction: the award beside a first participation (the cast's transaction,
 * so a ballot that rolls back earns nothing and one that commits cannot lose its award), the reversals of a removed
 * poll, and the award count recorded in the audit trail when a paying poll closes.
 *
 * <p>Why awards are not audited one by one: the audit trail appends under its chain head's row lock, which would
 * serialise every vote of the city on one row, and an audit event's exact time would date a vote more finely than
 * participation does (its day). The ledger itself is append-only; the close records each poll's award count and sum in
 * the chain, and removals, payout downloads and the poll's mileage setting are audited as they happen.
 */
@ApplicationScoped
public class MileageAwards {

    @Inject
    private MileageLedger ledger;

    @Inject
    private AuditTrail audit;

    /**
     * The award for a first participation: only a poll that pays, only a signed-in citizen (staff and signed-out devices
     * earn nothing). True when written; false when none is due or the citizen already has one for this poll.
     */
    public boolean awardFor(Poll poll, VoterCredential voter, LocalDate cityDay) {
        if (!poll.paysMileageTo(voter.citizenId(), voter.staff())) {
            return false;
        }
        return ledger.award(LedgerEntry.award(voter.citizenId(), poll.id(), poll.mileageWon(), cityDay));
    }

    /**
     * Reverses every award of a removed poll that no reversal cancels yet, and records how many in the audit trail
     * (nothing when there was nothing to reverse). Run under the poll's exclusive lock, after which no award can land.
     */
    public int reverseAll(UUID pollId, Actor actor, LocalDate cityDay) {
        List<LedgerEntry> reversals = ledger.unreversedAwards(pollId).stream().map(a -> a.reversal(cityDay)).toList();
        if (reversals.isEmpty()) {
            return 0;
        }
        int written = ledger.reverse(reversals);
        long won = reversals.stream().mapToLong(LedgerEntry::amountWon).sum();
        audit.record(actor, "mileage.reverse", pollId, written + " awards reversed, " + won + " won");
        return written;
    }

    /** At close: the poll's awards and their sum go into the audit chain (a poll that pays nothing records nothing). */
    public void recordAtClose(Poll poll, Actor actor) {
        if (poll.mileageWon() <= 0) {
            return;
        }
        long[] awards = ledger.awardsOf(poll.id());
        audit.record(actor, "mileage.awarded", poll.id(), awards[0] + " awards of " + poll.mileageWon() + " won, "
                + awards[1] + " won");
    }
}
