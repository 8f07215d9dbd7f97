package org.mvoting.api.events;

import java.time.Instant;

/**
 * What every screen in the hall shows, pushed to them as it changes: the event, turnout, and the current question
 * (null before the first one). {@code serverTime} lets a phone with a wrong clock count the countdown down right.
 */
public record EventLiveState(String joinCode, String title, long participants, long joined, LiveQuestion question,
                             Instant serverTime) {
}
