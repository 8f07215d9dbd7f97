package org.mvoting.application.ballots;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.ballots.BallotQuarantine;
import org.mvoting.api.ballots.QuarantinedBallots;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.infrastructure.persistence.BallotLedger;

/** What the mixer set aside, for the system administrator and the auditors: counts only, never contents. */
@Stateless
@AllowedRoles({Roles.ADMIN, Roles.AUDITOR})
public class BallotQuarantineService implements BallotQuarantine {

    @Inject
    private BallotLedger ledger;

    @Override
    public List<QuarantinedBallots> perPoll() {
        return ledger.quarantinedPerPoll();
    }

    @Override
    public long count(UUID pollId) {
        return ledger.quarantinedCount(pollId);
    }
}
