package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.ballots.QuarantinedBallots;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.domain.ballot.Receipt;
import org.mvoting.domain.poll.Mark;

/**
 * The ballot storage, in native SQL because it needs what JPA cannot say: INSERT ... ON CONFLICT DO
 * NOTHING (so the database itself refuses a second vote without aborting the transaction), DELETE ...
 * RETURNING with SKIP LOCKED for the mixer, and upserts.
 *
 * <p>Secrecy: a cast writes the participation row and a sealed inbox row; clear ballots, their choices
 * and the tally are written only by the mixer, in other transactions and in random order, so neither the
 * transaction id (xmin) nor the row order (ctid) relates a ballot to a participation.
 */
@ApplicationScoped
public class BallotLedger {

    /** Rows per multi-row INSERT (PostgreSQL allows 65535 parameters per statement). */
    static final int ROWS_PER_STATEMENT = 1000;
    /** Tally rows under this option id count ballots rather than votes for an option. */
    public static final long TURNOUT = 0L;

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** True if this is the voter's first participation; false if one exists (waiting for any in flight). */
    public boolean recordParticipation(UUID pollId, byte[] voterKey, Channel channel, LocalDate day,
                                       byte[] sealedReceipt) {
        return em.createNativeQuery("INSERT INTO participation (poll_id, voter_key, channel, voted_on, sealed_receipt)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, pollId).setParameter(2, voterKey).setParameter(3, channel.name())
                .setParameter(4, day).setParameter(5, sealedReceipt)
                .executeUpdate() == 1;
    }

    /** True if this device had not yet cast a ballot in this (device-level) poll; false if it had. */
    public boolean recordDeviceParticipation(UUID pollId, byte[] deviceKey) {
        return em.createNativeQuery("INSERT INTO device_participation (poll_id, device_key) VALUES (?1, ?2)"
                        + " ON CONFLICT DO NOTHING")
                .setParameter(1, pollId).setParameter(2, deviceKey).executeUpdate() == 1;
    }

    /** True if a device bound to this voter cast a ballot in this poll while signed out. */
    public boolean boundDeviceParticipated(UUID pollId, byte[] voterKey) {
        return !em.createNativeQuery("SELECT 1 FROM device_participation dp JOIN device_binding db"
                        + " ON db.device_key = dp.device_key WHERE dp.poll_id = ?1 AND db.voter_key = ?2")
                .setParameter(1, pollId).setParameter(2, voterKey).setMaxResults(1).getResultList().isEmpty();
    }

    public Optional<byte[]> sealedReceipt(UUID pollId, byte[] voterKey) {
        List<?> rows = em.createNativeQuery("SELECT sealed_receipt FROM participation WHERE poll_id = ?1 AND voter_key = ?2")
                .setParameter(1, pollId).setParameter(2, voterKey).getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }

    public boolean hasParticipated(UUID pollId, byte[] voterKey) {
        return sealedReceipt(pollId, voterKey).isPresent();
    }

    /** Puts the sealed ballot in the inbox (same transaction as the participation row). */
    public void recordSealedBallot(UUID pollId, byte[] receiptKey, byte[] sealedBallot) {
        em.createNativeQuery("INSERT INTO ballot_inbox (id, poll_id, receipt_key, sealed_ballot) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, UUID.randomUUID()).setParameter(2, pollId).setParameter(3, receiptKey)
                .setParameter(4, sealedBallot).executeUpdate();
    }

    public boolean isPending(UUID pollId, byte[] receiptKey) {
        return !em.createNativeQuery("SELECT 1 FROM ballot_inbox WHERE poll_id = ?1 AND receipt_key = ?2")
                .setParameter(1, pollId).setParameter(2, receiptKey).getResultList().isEmpty();
    }

    /** Polls with at least {@code minimum} ballots waiting to be mixed. */
    public List<UUID> pollsWithPendingBallots(int minimum) {
        List<?> rows = em.createNativeQuery("SELECT poll_id FROM ballot_inbox GROUP BY poll_id HAVING count(*) >= ?1")
                .setParameter(1, minimum).getResultList();
        return rows.stream().map(UUID.class::cast).toList();
    }

    /** Removes up to {@code limit} waiting ballots of a poll from the inbox and hands them over, still sealed. */
    public List<PendingBallot> takePendingBallots(UUID pollId, int limit) {
        List<?> rows = em.createNativeQuery("DELETE FROM ballot_inbox WHERE id IN (SELECT id FROM ballot_inbox"
                        + " WHERE poll_id = ?1 LIMIT ?2 FOR UPDATE SKIP LOCKED) RETURNING id, receipt_key, sealed_ballot")
                .setParameter(1, pollId).setParameter(2, limit).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new PendingBallot((UUID) r[0], (byte[]) r[1], (byte[]) r[2])).toList();
    }

    /**
     * Keeps a ballot that would not open aside, with its poll, the reason and the time (in the transaction that took
     * it from the inbox): never counted, kept for the investigation.
     */
    public void quarantine(UUID pollId, PendingBallot ballot, String reason, Instant at) {
        em.createNativeQuery("INSERT INTO ballot_quarantine (id, poll_id, receipt_key, sealed_ballot, reason, quarantined_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, ballot.id()).setParameter(2, pollId).setParameter(3, ballot.receiptKey())
                .setParameter(4, ballot.sealed()).setParameter(5, reason.length() > 200 ? reason.substring(0, 200) : reason)
                .setParameter(6, OffsetDateTime.ofInstant(at, ZoneOffset.UTC)).executeUpdate();
    }

    /** Quarantined ballots per poll: poll id, the poll's title, how many, the latest time; most recent first. */
    public List<QuarantinedBallots> quarantinedPerPoll() {
        List<?> rows = em.createNativeQuery("SELECT q.poll_id, p.title, count(*), max(q.quarantined_at)"
                + " FROM ballot_quarantine q LEFT JOIN poll p ON p.id = q.poll_id"
                + " GROUP BY q.poll_id, p.title ORDER BY max(q.quarantined_at) DESC").getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new QuarantinedBallots((UUID) r[0], (String) r[1], ((Number) r[2]).longValue(), NativeValues.instant(r[3])))
                .toList();
    }

    /** How many of a poll's ballots are in quarantine. */
    public long quarantinedCount(UUID pollId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM ballot_quarantine WHERE poll_id = ?1")
                .setParameter(1, pollId).getSingleResult()).longValue();
    }

    /** Stores mixed ballots in the order given (the mixer's random order), with their choices. */
    public void recordMixedBallots(UUID pollId, List<MixedBallot> ballots) {
        for (int from = 0; from < ballots.size(); from += ROWS_PER_STATEMENT) {
            List<MixedBallot> chunk = ballots.subList(from, Math.min(ballots.size(), from + ROWS_PER_STATEMENT));
            // a panel poll's ballots carry their stratum (all of a poll's ballots do, or none): no NULL is bound
            boolean strata = chunk.get(0).stratum() != null;
            int columns = strata ? 6 : 3;
            StringBuilder sql = new StringBuilder(strata
                    ? "INSERT INTO ballot (id, poll_id, receipt, cast_hour, stratum_district, stratum_gender,"
                            + " stratum_age_band) VALUES "
                    : "INSERT INTO ballot (id, poll_id, receipt, cast_hour) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = 2 + i * columns;
                sql.append(i == 0 ? "" : ", ").append("(?").append(p).append(", ?1, ?").append(p + 1)
                        .append(", ?").append(p + 2);
                if (strata) {
                    sql.append(", ?").append(p + 3).append(", ?").append(p + 4).append(", ?").append(p + 5);
                }
                sql.append(')');
            }
            Query insert = em.createNativeQuery(sql.toString()).setParameter(1, pollId);
            for (int i = 0; i < chunk.size(); i++) {
                int p = 2 + i * columns;
                MixedBallot ballot = chunk.get(i);
                insert.setParameter(p, ballot.id()).setParameter(p + 1, ballot.receipt().code())
                        .setParameter(p + 2, OffsetDateTime.ofInstant(ballot.castHour(), ZoneOffset.UTC));
                if (strata) {
                    Stratum stratum = java.util.Objects.requireNonNull(ballot.stratum(), "a panel poll's ballot without stratum");
                    insert.setParameter(p + 3, stratum.district().name()).setParameter(p + 4, stratum.gender().name())
                            .setParameter(p + 5, (short) stratum.ageBand().code());
                }
            }
            insert.executeUpdate();
        }
        List<Object[]> choices = ballots.stream()
                .flatMap(b -> b.marks().stream().map(m -> new Object[] {b.id(), m}))
                .toList();
        for (int from = 0; from < choices.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = choices.subList(from, Math.min(choices.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(
                    "INSERT INTO ballot_choice (ballot_id, option_id, preference_rank, points) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = 1 + i * 4;
                sql.append(i == 0 ? "" : ", ").append("(?").append(p).append(", ?").append(p + 1)
                        .append(", NULLIF(?").append(p + 2).append(", 0), ?").append(p + 3).append(')');
            }
            Query insert = em.createNativeQuery(sql.toString());
            for (int i = 0; i < chunk.size(); i++) {
                int p = 1 + i * 4;
                Mark m = (Mark) chunk.get(i)[1];
                insert.setParameter(p, chunk.get(i)[0]).setParameter(p + 1, m.optionId())
                        .setParameter(p + 2, m.rank() == null ? 0 : m.rank()).setParameter(p + 3, m.points());
            }
            insert.executeUpdate();
        }
    }

    /** Adds a mixed batch to the live tally: one upsert per option, by the mixer alone (no contention). */
    public void addToTally(UUID pollId, Map<Long, TallyCount> batch) {
        List<Map.Entry<Long, TallyCount>> rows = batch.entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).toList();
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO tally_slot (poll_id, option_id, slot, votes, points) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            int p = 2 + i * 3;
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(p).append(", 0, ?").append(p + 1)
                    .append(", ?").append(p + 2).append(')');
        }
        sql.append(" ON CONFLICT (poll_id, option_id, slot) DO UPDATE"
                + " SET votes = tally_slot.votes + EXCLUDED.votes, points = tally_slot.points + EXCLUDED.points");
        Query upsert = em.createNativeQuery(sql.toString()).setParameter(1, pollId);
        for (int i = 0; i < rows.size(); i++) {
            int p = 2 + i * 3;
            upsert.setParameter(p, rows.get(i).getKey()).setParameter(p + 1, rows.get(i).getValue().votes())
                    .setParameter(p + 2, rows.get(i).getValue().points());
        }
        upsert.executeUpdate();
    }

    /**
     * Adds a mixed batch to the per-stratum counts of a panel poll (option {@link #TURNOUT}: ballots), by the mixer
     * alone, like the tally.
     */
    public void addToStratumTally(UUID pollId, Map<Stratum, Map<Long, Long>> batch) {
        for (Map.Entry<Stratum, Map<Long, Long>> stratum : batch.entrySet()) {
            for (Map.Entry<Long, Long> option : new java.util.TreeMap<>(stratum.getValue()).entrySet()) {
                em.createNativeQuery("INSERT INTO stratum_tally (poll_id, district, gender, age_band, option_id, votes)"
                                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (poll_id, district, gender, age_band, option_id)"
                                + " DO UPDATE SET votes = stratum_tally.votes + EXCLUDED.votes")
                        .setParameter(1, pollId).setParameter(2, stratum.getKey().district().name())
                        .setParameter(3, stratum.getKey().gender().name())
                        .setParameter(4, (short) stratum.getKey().ageBand().code())
                        .setParameter(5, option.getKey()).setParameter(6, option.getValue()).executeUpdate();
            }
        }
    }

    /** The hour a ballot with this receipt was cast, if it is counted in this poll. */
    public Optional<Instant> ballotHour(UUID pollId, Receipt receipt) {
        List<?> rows = em.createNativeQuery("SELECT cast_hour FROM ballot WHERE poll_id = ?1 AND receipt = ?2")
                .setParameter(1, pollId).setParameter(2, receipt.code()).getResultList();
        return rows.stream().findFirst().map(NativeValues::instant);
    }

    /** The live tally, summed over slots. */
    public Map<Long, TallyCount> liveTally(UUID pollId) {
        return counts(em.createNativeQuery("SELECT option_id, CAST(sum(votes) AS bigint), CAST(sum(points) AS bigint)"
                + " FROM tally_slot WHERE poll_id = ?1 GROUP BY option_id").setParameter(1, pollId).getResultList());
    }

    /** The tally recomputed from the ballots themselves. */
    public Map<Long, TallyCount> recount(UUID pollId) {
        Map<Long, TallyCount> counts = counts(em.createNativeQuery(
                "SELECT c.option_id, count(*), CAST(sum(c.points) AS bigint) FROM ballot_choice c"
                        + " JOIN ballot b ON b.id = c.ballot_id WHERE b.poll_id = ?1 GROUP BY c.option_id")
                .setParameter(1, pollId).getResultList());
        long ballots = ((Number) em.createNativeQuery("SELECT count(*) FROM ballot WHERE poll_id = ?1")
                .setParameter(1, pollId).getSingleResult()).longValue();
        if (ballots > 0) {
            counts.put(TURNOUT, new TallyCount(ballots, 0));
        }
        return counts;
    }

    public void storeFinalTally(UUID pollId, Map<Long, TallyCount> counts) {
        counts.forEach((option, count) -> em.createNativeQuery(
                        "INSERT INTO final_tally (poll_id, option_id, votes, points) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, pollId).setParameter(2, option).setParameter(3, count.votes())
                .setParameter(4, count.points()).executeUpdate());
    }

    public Map<Long, TallyCount> finalTally(UUID pollId) {
        return counts(em.createNativeQuery("SELECT option_id, votes, points FROM final_tally WHERE poll_id = ?1")
                .setParameter(1, pollId).getResultList());
    }

    /** Whether this voter key is a participant of the event that asks this question (an event poll). */
    public boolean isEventParticipant(UUID pollId, byte[] voterKey) {
        return !em.createNativeQuery("SELECT 1 FROM poll p JOIN event_participant ep ON ep.event_id = p.owner_event_id"
                        + " WHERE p.id = ?1 AND ep.voter_key = ?2")
                .setParameter(1, pollId).setParameter(2, voterKey).getResultList().isEmpty();
    }

    public boolean isListed(UUID pollId, byte[] voterKey) {
        return !em.createNativeQuery("SELECT 1 FROM poll_listed_voter WHERE poll_id = ?1 AND voter_key = ?2")
                .setParameter(1, pollId).setParameter(2, voterKey).getResultList().isEmpty();
    }

    public void clearListedVoters(UUID pollId) {
        em.createNativeQuery("DELETE FROM poll_listed_voter WHERE poll_id = ?1").setParameter(1, pollId).executeUpdate();
    }

    /** One listed voter: the key that votes, and for citizens the number (sealed, and masked for screens). */
    public record ListedVoter(byte[] voterKey, byte[] phoneSealed, String phoneMasked) {

        /** A member of staff in an org-chart audience: no phone number to keep. */
        public static ListedVoter staff(byte[] voterKey) {
            return new ListedVoter(voterKey, null, null);
        }
    }

    /**
     * Lists voters; one listed already keeps its row (and invitation), gaining the sealed number if it had none.
     */
    public void addListedVoters(UUID pollId, List<ListedVoter> voters) {
        // two statement shapes, so that no NULL is ever bound to a bytea parameter without a type
        List<ListedVoter> withPhone = voters.stream().filter(v -> v.phoneSealed() != null).toList();
        List<ListedVoter> withoutPhone = voters.stream().filter(v -> v.phoneSealed() == null).toList();
        insertListed(pollId, withPhone, true);
        insertListed(pollId, withoutPhone, false);
    }

    private void insertListed(UUID pollId, List<ListedVoter> voters, boolean phones) {
        int columns = phones ? 3 : 1;
        for (int from = 0; from < voters.size(); from += ROWS_PER_STATEMENT) {
            List<ListedVoter> chunk = voters.subList(from, Math.min(voters.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(phones
                    ? "INSERT INTO poll_listed_voter (poll_id, voter_key, phone_sealed, phone_masked) VALUES "
                    : "INSERT INTO poll_listed_voter (poll_id, voter_key) VALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                int p = 2 + i * columns;
                sql.append(i == 0 ? "(?1" : ", (?1");
                for (int c = 0; c < columns; c++) {
                    sql.append(", ?").append(p + c);
                }
                sql.append(')');
            }
            sql.append(phones ? " ON CONFLICT (poll_id, voter_key) DO UPDATE SET"
                    + " phone_sealed = COALESCE(poll_listed_voter.phone_sealed, EXCLUDED.phone_sealed),"
                    + " phone_masked = COALESCE(poll_listed_voter.phone_masked, EXCLUDED.phone_masked)"
                    : " ON CONFLICT DO NOTHING");
            Query insert = em.createNativeQuery(sql.toString()).setParameter(1, pollId);
            for (int i = 0; i < chunk.size(); i++) {
                int p = 2 + i * columns;
                ListedVoter voter = chunk.get(i);
                insert.setParameter(p, voter.voterKey());
                if (phones) {
                    insert.setParameter(p + 1, voter.phoneSealed());
                    insert.setParameter(p + 2, voter.phoneMasked());
                }
            }
            insert.executeUpdate();
        }
    }

    /**
     * Makes the list exactly these voters: new ones are added, ones no longer given are deleted, and ones still
     * given keep their row (and so their invitation, which must not go out twice).
     */
    public void replaceListedVoters(UUID pollId, List<ListedVoter> voters) {
        addListedVoters(pollId, voters);
        java.util.Set<java.nio.ByteBuffer> keep = new java.util.HashSet<>();
        voters.forEach(v -> keep.add(java.nio.ByteBuffer.wrap(v.voterKey())));
        List<byte[]> gone = ((List<?>) em.createNativeQuery("SELECT voter_key FROM poll_listed_voter WHERE poll_id = ?1")
                .setParameter(1, pollId).getResultList()).stream().map(byte[].class::cast)
                .filter(k -> !keep.contains(java.nio.ByteBuffer.wrap(k))).toList();
        for (int from = 0; from < gone.size(); from += ROWS_PER_STATEMENT) {
            List<byte[]> chunk = gone.subList(from, Math.min(gone.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder("DELETE FROM poll_listed_voter WHERE poll_id = ?1 AND voter_key IN (");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?").append(i + 2);
            }
            Query delete = em.createNativeQuery(sql.append(')').toString()).setParameter(1, pollId);
            for (int i = 0; i < chunk.size(); i++) {
                delete.setParameter(i + 2, chunk.get(i));
            }
            delete.executeUpdate();
        }
    }

    public int countListedVoters(UUID pollId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM poll_listed_voter WHERE poll_id = ?1")
                .setParameter(1, pollId).getSingleResult()).intValue();
    }

    private static Map<Long, TallyCount> counts(List<?> rows) {
        Map<Long, TallyCount> counts = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            counts.put(((Number) r[0]).longValue(),
                    new TallyCount(((Number) r[1]).longValue(), r[2] == null ? 0 : ((Number) r[2]).longValue()));
        }
        return counts;
    }

}
