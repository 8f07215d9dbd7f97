package org.mvoting.verifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The hash chain over audit events. Each event's hash is SHA-256 over the previous event's hash and the event's
 * canonical content (its sequence number included), so editing, deleting, inserting or reordering any event changes
 * every hash after it. The first event after the chain start links to {@link #GENESIS}.
 */
public final class AuditChain {

    /** What the first chained event links to. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    /** One audit event as the chain sees it. The time is kept to the microsecond, as the database stores it. */
    public record Event(long seq, Instant occurredAt, String actor, String action, String target, String detail,
                        String source) {
        public Event {
            occurredAt = Objects.requireNonNull(occurredAt).truncatedTo(ChronoUnit.MICROS);
            Objects.requireNonNull(actor);
            Objects.requireNonNull(action);
        }

        /** The same content at another place in the chain (to recognise a moved event). */
        Event at(long otherSeq) {
            return new Event(otherSeq, occurredAt, actor, action, target, detail, source);
        }
    }

    /**
     * The canonical content: every field length-prefixed (so no choice of text can imitate a field boundary), a
     * missing field written as "-", the time in ISO-8601 UTC.
     */
    public static String canonical(Event e) {
        StringBuilder out = new StringBuilder("mvoting-audit-v1");
        for (String field : new String[] {Long.toString(e.seq()), e.occurredAt().toString(), e.actor(), e.action(),
                e.target(), e.detail(), e.source()}) {
            out.append('|');
            if (field == null) {
                out.append('-');
            } else {
                out.append(field.length()).append(':').append(field);
            }
        }
        return out.toString();
    }

    /** The event's hash: SHA-256 (hex) of the previous hash, a newline and the canonical content. */
    public static String hash(String previousHash, Event e) {
        return sha256(Objects.requireNonNull(previousHash) + "\n" + canonical(e));
    }

    /**
     * The canonical form of a final tally: one line per option id in ascending order, {@code id=votes,points}
     * (option 0 is the number of ballots).
     */
    public static String canonicalTally(Map<Long, long[]> votesAndPoints) {
        StringBuilder out = new StringBuilder("mvoting-tally-v1\n");
        new TreeMap<>(votesAndPoints).forEach((option, counts) ->
                out.append(option).append('=').append(counts[0]).append(',').append(counts[1]).append('\n'));
        return out.toString();
    }

    public static String tallyHash(Map<Long, long[]> votesAndPoints) {
        return sha256(canonicalTally(votesAndPoints));
    }

    /** The first 16 hex digits in groups of four, for people to compare by eye: {@code 1a2b 3c4d 5e6f 7a8b}. */
    public static String shortForm(String hash) {
        if (hash == null || hash.length() < 16) {
            return hash;
        }
        return hash.substring(0, 4) + ' ' + hash.substring(4, 8) + ' ' + hash.substring(8, 12) + ' '
                + hash.substring(12, 16);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
