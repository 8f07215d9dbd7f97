package org.mvoting.api.messaging;

import java.time.Instant;
import java.util.UUID;

/** A push notification the local adapter kept instead of sending. */
public record LocalPushMessage(UUID installationId, String title, String body, String link, Instant storedAt) {
}
