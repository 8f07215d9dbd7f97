package org.mvoting.api.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A participant's pass into an event: who they are in it (the same participant whatever channel or order they join
 * by) and a bearer token for the event's screens.
 */
public record EventPass(UUID eventId, UUID participantId, String token, Instant expiresAt) {
}
