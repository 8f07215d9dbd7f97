package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.polls.InvitationProgress;

/** Where a LISTED poll's SMS invitations stand (InvitationProgress), as the poll page counts them. */
public class InvitationProgressItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int listed;
    private final int notInvited;
    private final int queued;
    private final int sent;
    private final int failed;
    private final boolean inFlight;

    public InvitationProgressItem(InvitationProgress p) {
        listed = p.listed();
        notInvited = p.notInvited();
        queued = p.queued();
        sent = p.sent();
        failed = p.failed();
        inFlight = p.inFlight();
    }

    public int getListed() {
        return listed;
    }

    public int getNotInvited() {
        return notInvited;
    }

    public int getQueued() {
        return queued;
    }

    public int getSent() {
        return sent;
    }

    public int getFailed() {
        return failed;
    }

    /** Some invitation is still waiting to go out: the page keeps refreshing the counts. */
    public boolean isInFlight() {
        return inFlight;
    }
}
