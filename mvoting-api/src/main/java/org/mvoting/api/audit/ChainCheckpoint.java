package org.mvoting.api.audit;

import java.time.Instant;

/**
 * A copy of the audit chain's head taken when a poll closed, with the hash of its final tally. {@code display} is
 * the short form people compare by eye (the first 16 hex digits of each hash, in groups of four); the full hashes are
 * what the verifier recomputes.
 */
public record ChainCheckpoint(long headSeq, String headHash, String tallyHash, Instant createdAt, String display) {
}
