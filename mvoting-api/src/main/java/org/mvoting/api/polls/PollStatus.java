package org.mvoting.api.polls;

/** Where a poll is in its lifecycle: DRAFT → PENDING_APPROVAL → OPEN → CLOSED, or REMOVED by moderation. */
public enum PollStatus {
    DRAFT, PENDING_APPROVAL, OPEN, CLOSED, REMOVED
}
