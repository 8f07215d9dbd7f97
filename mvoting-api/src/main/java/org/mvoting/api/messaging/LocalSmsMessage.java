package org.mvoting.api.messaging;

import java.time.Instant;

/** A text the local SMS adapter kept instead of sending. */
public record LocalSmsMessage(String recipient, String body, Instant storedAt) {
}
