package org.mvoting.api.events;

import java.util.List;
import java.util.UUID;

/** Secret tokens just issued: the codes in clear, this once (only their keyed hashes are kept), for printing. */
public record IssuedTokens(UUID eventId, String joinCode, List<String> codes) {
}
