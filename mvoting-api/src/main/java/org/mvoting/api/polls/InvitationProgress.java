package org.mvoting.api.polls;

import java.util.UUID;

/**
 * Where a LISTED poll's SMS invitations stand: numbers listed, numbers never invited, and the latest invitation
 * to each of the others waiting to go out (queued), handed to the SMS gateway (sent) or given up (failed).
 */
public record InvitationProgress(UUID pollId, int listed, int notInvited, int queued, int sent, int failed) {

    /** True while some invitation is still on its way: a progress screen keeps refreshing until then. */
    public boolean inFlight() {
        return queued > 0;
    }
}
