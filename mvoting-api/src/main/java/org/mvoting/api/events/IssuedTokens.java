package org.mvoting.api.events;

import java.util.List;
import java.util.UUID;

/**
 * Secret tokens just issued: the codes in clear, this once (only their keyed hashes are kept), for printing. Issued
 * while the event is under way they are {@code pending} (batch {@code batchId}) until a second person confirms them.
 */
public record IssuedTokens(UUID eventId, String joinCode, List<String> codes, UUID batchId, boolean pending) {
}
