package org.mvoting.verifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Recomputes the audit chain, every checkpoint and every checkpointed tally from the database, reading one
 * consistent snapshot (repeatable read, read-only): a read-only login is enough. Names the first event that breaks
 * the chain and every checkpoint or poll that no longer matches.
 */
public final class Verifier {

    private Verifier() {
    }

    public static Report verify(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        int isolation = connection.getTransactionIsolation();
        boolean readOnly = connection.isReadOnly();
        try {
            if (autoCommit) {
                // a snapshot only ours to set: a connection lent inside a transaction keeps the caller's
                connection.setAutoCommit(false);
                connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                connection.setReadOnly(true);
            }
            return check(connection);
        } finally {
            if (autoCommit) {
                connection.rollback();
                connection.setReadOnly(readOnly);
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(true);
            }
        }
    }

    private static Report check(Connection c) throws SQLException {
        List<Finding> findings = new ArrayList<>();
        long headSeq;
        String headHash;
        long legacyMaxId;
        long eventsBefore;
        try (PreparedStatement s = c.prepareStatement(
                "SELECT head_seq, head_hash, legacy_max_id, legacy_events FROM audit_chain WHERE id = 1");
             ResultSet r = s.executeQuery()) {
            if (!r.next()) {
                throw new SQLException("no audit chain head (audit_chain): is this an mVoting database at V21 or later?");
            }
            headSeq = r.getLong(1);
            headHash = r.getString(2);
            legacyMaxId = r.getLong(3);
            eventsBefore = r.getLong(4);
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT min(id), count(*) FROM audit_event WHERE seq IS NULL AND id > ?")) {
            s.setLong(1, legacyMaxId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next() && r.getLong(2) > 0) {
                    findings.add(new Finding(Finding.Kind.INSERTED, null, null, r.getLong(2)
                            + " event(s) after the chain start have no place in the chain, the first is id "
                            + r.getLong(1)));
                }
            }
        }

        Map<Long, String> stored = new HashMap<>();
        Finding chainBreak = null;
        Row broken = null;
        Row afterBroken = null;
        long expected = 1;
        long last = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT id, seq, occurred_at, actor, action, target, detail,"
                + " source, chain_hash FROM audit_event WHERE seq IS NOT NULL ORDER BY seq");
             ResultSet r = s.executeQuery()) {
            String previous = AuditChain.GENESIS;
            while (r.next()) {
                Row row = new Row(r.getLong(1), new AuditChain.Event(r.getLong(2),
                        r.getObject(3, OffsetDateTime.class).toInstant(), r.getString(4), r.getString(5),
                        r.getString(6), r.getString(7), r.getString(8)), r.getString(9));
                long seq = row.event().seq();
                stored.put(seq, row.hash());
                last = seq;
                if (broken != null && afterBroken == null) {
                    afterBroken = row;
                }
                if (chainBreak != null || broken != null) {
                    continue;
                }
                if (seq != expected) {
                    chainBreak = new Finding(Finding.Kind.DELETED, expected, null, seq == expected + 1
                            ? "event #" + expected + " is missing (deleted)"
                            : "events #" + expected + " to #" + (seq - 1) + " are missing (deleted)");
                    continue;
                }
                if (row.hash() == null || !row.hash().equals(AuditChain.hash(previous, row.event()))) {
                    broken = row;
                    continue;
                }
                previous = row.hash();
                expected = seq + 1;
            }
        }
        if (broken != null) {
            chainBreak = classify(broken, afterBroken, stored);
        }
        if (chainBreak == null && last < headSeq) {
            chainBreak = new Finding(Finding.Kind.DELETED, last + 1, null, "events #" + (last + 1) + " to #" + headSeq
                    + " are missing at the end of the chain (deleted)");
        } else if (chainBreak == null && last > headSeq) {
            chainBreak = new Finding(Finding.Kind.INSERTED, headSeq + 1, null, "event #" + (headSeq + 1)
                    + " lies beyond the recorded chain head #" + headSeq + " (inserted)");
        } else if (chainBreak == null && !headHash.equals(headSeq == 0 ? AuditChain.GENESIS : stored.get(headSeq))) {
            chainBreak = new Finding(Finding.Kind.EDITED, headSeq, null, "the chain head #" + headSeq
                    + " does not match the recorded head hash");
        }
        if (chainBreak != null) {
            findings.add(0, chainBreak);
        }

        long checkpoints = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT id, kind, poll_id, head_seq, head_hash, tally_hash"
                + " FROM audit_checkpoint ORDER BY id");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                checkpoints++;
                long id = r.getLong(1);
                String kind = r.getString(2);
                String pollText = r.getString(3);
                UUID poll = pollText == null ? null : UUID.fromString(pollText);
                long seq = r.getLong(4);
                String hash = r.getString(5);
                String chained = seq == 0 ? AuditChain.GENESIS : stored.get(seq);
                if (!hash.equals(chained)) {
                    findings.add(new Finding(Finding.Kind.CHECKPOINT, seq, poll, "checkpoint " + id + " (" + kind
                            + (poll == null ? "" : ", poll " + poll) + ") recorded event #" + seq + " as "
                            + AuditChain.shortForm(hash) + " but the chain now holds "
                            + (chained == null ? "no such event" : AuditChain.shortForm(chained))));
                }
                String tallyHash = r.getString(6);
                if (poll != null && tallyHash != null) {
                    checkTally(c, poll, tallyHash, findings);
                }
            }
        }
        return new Report(stored.size(), checkpoints, eventsBefore, findings);
    }

    private record Row(long id, AuditChain.Event event, String hash) {
    }

    /** The first event whose hash does not follow: moved here from elsewhere, inserted before the rest, or edited. */
    private static Finding classify(Row row, Row next, Map<Long, String> stored) {
        long seq = row.event().seq();
        String previous = seq == 1 ? AuditChain.GENESIS : stored.get(seq - 1);
        for (Map.Entry<Long, String> place : stored.entrySet()) {
            long other = place.getKey();
            String before = other == 1 ? AuditChain.GENESIS : stored.get(other - 1);
            if (other != seq && before != null
                    && AuditChain.hash(before, row.event().at(other)).equals(place.getValue())) {
                return new Finding(Finding.Kind.REORDERED, seq, null, "event #" + seq + " (id " + row.id()
                        + ") holds the content chained as event #" + other + " (reordered)");
            }
        }
        if (row.hash() == null) {
            return new Finding(Finding.Kind.INSERTED, seq, null, "event #" + seq + " (id " + row.id()
                    + ") has no chain hash (inserted)");
        }
        if (next != null && AuditChain.hash(previous, next.event().at(seq)).equals(next.hash())) {
            return new Finding(Finding.Kind.INSERTED, seq, null, "event #" + seq + " (id " + row.id()
                    + ") was inserted into the chain and the events after it renumbered");
        }
        return new Finding(Finding.Kind.EDITED, seq, null, "event #" + seq + " (id " + row.id() + ", "
                + row.event().action() + ") changed after it was chained (edited)");
    }

    /** The closed poll's tally recounted from its clear ballots, and its stored final tally, against the checkpoint. */
    private static void checkTally(Connection c, UUID poll, String expected, List<Finding> findings)
            throws SQLException {
        Map<Long, long[]> recount = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT c.option_id, count(*), sum(c.points) FROM ballot_choice c"
                + " JOIN ballot b ON b.id = c.ballot_id WHERE b.poll_id = ? GROUP BY c.option_id")) {
            s.setObject(1, poll);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    recount.put(r.getLong(1), new long[] {r.getLong(2), r.getLong(3)});
                }
            }
        }
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM ballot WHERE poll_id = ?")) {
            s.setObject(1, poll);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                if (r.getLong(1) > 0) {
                    recount.put(0L, new long[] {r.getLong(1), 0});
                }
            }
        }
        Map<Long, long[]> stored = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT option_id, votes, points FROM final_tally WHERE poll_id = ?")) {
            s.setObject(1, poll);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.put(r.getLong(1), new long[] {r.getLong(2), r.getLong(3)});
                }
            }
        }
        boolean ballotsMatch = AuditChain.tallyHash(recount).equals(expected);
        boolean finalMatches = AuditChain.tallyHash(stored).equals(expected);
        if (!ballotsMatch || !finalMatches) {
            findings.add(new Finding(Finding.Kind.TALLY, null, poll, "poll " + poll + ": "
                    + (!ballotsMatch && !finalMatches ? "its ballots and its final tally no longer match"
                    : !ballotsMatch ? "its ballots no longer match" : "its final tally no longer matches")
                    + " the tally checkpointed at its close"));
        }
    }
}
