package org.mvoting.api.ballots;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;

/**
 * Sealed ballots the mixer could not open (altered in storage, restored under another key): kept aside, never
 * counted. For the system administrator and the auditors (ADMIN, AUDITOR).
 */
@Local
public interface BallotQuarantine {

    /** Every poll with ballots in quarantine, the most recent first. */
    List<QuarantinedBallots> perPoll();

    /** How many of this poll's ballots are in quarantine (0 for none). */
    long count(UUID pollId);
}
