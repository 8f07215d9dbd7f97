package org.mvoting.infrastructure.persistence;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.domain.ballot.Receipt;
import org.mvoting.domain.poll.Mark;

/**
 * A ballot on its way out of the mixer into the clear tables: a fresh random id, its receipt, hour, marks, and the
 * coarse stratum of a panel ballot (null otherwise).
 */
public record MixedBallot(UUID id, Receipt receipt, Instant castHour, List<Mark> marks, Stratum stratum) {

    public MixedBallot(UUID id, Receipt receipt, Instant castHour, List<Mark> marks) {
        this(id, receipt, castHour, marks, null);
    }
}
