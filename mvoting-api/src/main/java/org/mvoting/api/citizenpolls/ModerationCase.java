package org.mvoting.api.citizenpolls;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mvoting.api.polls.PollStatus;

/**
 * A citizen's poll waiting for a moderator: held by screening (PENDING_APPROVAL, with its findings) or hidden
 * after reports (with the count per reason). {@code texts}: the poll's texts by field, to read with the findings.
 */
public record ModerationCase(UUID pollId, String title, PollStatus status, boolean hidden, Instant createdAt,
                             List<ScreeningFinding> findings, Map<String, Long> reportsByReason,
                             Map<String, String> texts) {
}
