package org.mvoting.api.citizenpolls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.polls.PollStatus;

/**
 * A citizen's poll as its proposer sees it: OPEN, or PENDING_APPROVAL while a moderator looks at what screening
 * found ({@code heldFor}), hidden pending review after reports, or REMOVED with the moderator's reason.
 */
public record CitizenPollRecord(UUID id, String title, PollStatus status, CitizenPollVisibility visibility,
                                Instant opensAt, Instant closesAt, boolean hidden, String removalReason,
                                String shortCode, List<ScreeningFinding> heldFor) {
}
