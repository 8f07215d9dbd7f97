package org.mvoting.api.events;

/** SMS invitations with the event link: how many were queued now, and the totals so far. */
public record EventInvitations(int queuedNow, long invited, long withoutPhone, long participants) {
}
