package org.mvoting.verifier;

import java.util.UUID;

/**
 * One thing the verifier found wrong. {@code seq} names the audit event (or the first missing one), {@code pollId}
 * the poll whose ballots no longer match its checkpoint; either may be null.
 */
public record Finding(Kind kind, Long seq, UUID pollId, String message) {

    public enum Kind {
        /** An event's content changed since it was chained. */
        EDITED,
        /** Events are missing: a gap in the sequence, or the chain ends before its recorded head. */
        DELETED,
        /** An event that the chain never had (no sequence number, or one that does not link). */
        INSERTED,
        /** An event holds the content chained at another place. */
        REORDERED,
        /** A checkpoint no longer matches the chain it recorded. */
        CHECKPOINT,
        /** A closed poll's ballots or final tally no longer match its checkpointed tally hash. */
        TALLY
    }

    @Override
    public String toString() {
        return kind + ": " + message;
    }
}
