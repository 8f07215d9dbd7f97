package org.mvoting.api.panel;

import java.time.Instant;
import java.util.UUID;

/** A census table without its cells: which version, what it is, where it comes from, who uploaded it, its total. */
public record CensusTableSummary(UUID id, int version, String title, String source, boolean illustrative,
                                 String uploadedBy, Instant uploadedAt, long population) {
}
