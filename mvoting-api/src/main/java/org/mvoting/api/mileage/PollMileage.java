package org.mvoting.api.mileage;

import java.util.UUID;

/** One poll's mileage within a month: awards, reversals and the net amount in won. */
public record PollMileage(UUID pollId, String pollTitle, int mileageWon, long awards, long reversals, long netWon) {
}
