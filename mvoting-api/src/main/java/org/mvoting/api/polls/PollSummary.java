package org.mvoting.api.polls;

import java.time.Instant;
import java.util.UUID;

/** A line in the list of open polls. */
public record PollSummary(UUID id, PollKind kind, String title, String department, Instant closesAt,
                          int questionCount) {
}
