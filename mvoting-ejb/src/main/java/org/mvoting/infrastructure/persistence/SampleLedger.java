package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.domain.sample.QuotaCell;
import org.mvoting.domain.sample.SampleDesign;
import org.mvoting.domain.sample.SampleDraw;

/**
 * Panel samples: designs and their quota cells, the panel as a draw reads it, the draw's ranks and invitations, the
 * slot a cast reserves (the one hot statement: {@code UPDATE sample_cell ... WHERE filled < target}), the contacts
 * of panel members, and the per-stratum counts the mixer keeps.
 */
@ApplicationScoped
public class SampleLedger {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** A cell as the portal shows it. */
    public record CellState(String cell, int target, int filled, int invited, int drawn) {
    }

    /** A panel member as the draw reads them (the profile now, and the key they vote with). */
    public record PanelMember(UUID citizenId, Gender gender, SeoulDistrict district, int birthYear, byte[] voterKey) {
    }

    /** A drawn member to invite: the key that votes, the number (sealed and masked, null if none is known yet). */
    public record Invitee(UUID citizenId, byte[] voterKey, byte[] phoneSealed, String phoneMasked) {
    }

    /** Where an invited member's ballot goes: the quota cell, and the stratum recorded at the draw. */
    public record Seat(String cell, Stratum stratum) {
    }

    public Optional<SampleDesign> design(UUID pollId) {
        return Optional.ofNullable(em.find(SampleDesign.class, pollId));
    }

    public void add(SampleDesign design) {
        em.persist(design);
        em.flush(); // the cells refer to it
    }

    /** The design's cells become exactly these (only before the draw: nothing refers to them yet). */
    public void replaceCells(UUID pollId, Map<QuotaCell, Integer> targets) {
        em.createNativeQuery("DELETE FROM sample_cell WHERE poll_id = ?1").setParameter(1, pollId).executeUpdate();
        targets.forEach((cell, target) -> em.createNativeQuery(
                        "INSERT INTO sample_cell (poll_id, cell, target, filled) VALUES (?1, ?2, ?3, 0)")
                .setParameter(1, pollId).setParameter(2, cell.code()).setParameter(3, target).executeUpdate());
    }

    public Map<String, Integer> targets(UUID pollId) {
        Map<String, Integer> targets = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT cell, target FROM sample_cell WHERE poll_id = ?1 ORDER BY cell")
                .setParameter(1, pollId).getResultList()) {
            Object[] r = (Object[]) row;
            targets.put((String) r[0], ((Number) r[1]).intValue());
        }
        return targets;
    }

    public List<CellState> cells(UUID pollId) {
        List<?> rows = em.createNativeQuery("SELECT c.cell, c.target, c.filled,"
                        + " (SELECT count(*) FROM sample_member m WHERE m.poll_id = c.poll_id AND m.cell = c.cell"
                        + " AND m.invited_at IS NOT NULL),"
                        + " (SELECT count(*) FROM sample_member m WHERE m.poll_id = c.poll_id AND m.cell = c.cell)"
                        + " FROM sample_cell c WHERE c.poll_id = ?1 ORDER BY c.cell")
                .setParameter(1, pollId).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new CellState((String) r[0], number(r[1]), number(r[2]),
                number(r[3]), number(r[4]))).toList();
    }

    /** The populations of a census table version per stratum; empty if there is no such version. */
    public Optional<Map<Stratum, Long>> census(int version) {
        List<?> rows = em.createNativeQuery("SELECT c.district, c.gender, c.age_band, c.population FROM census_cell c"
                        + " JOIN census_table t ON t.id = c.census_id WHERE t.version = ?1"
                        + " ORDER BY c.district, c.gender, c.age_band")
                .setParameter(1, version).getResultList();
        if (rows.isEmpty()) {
            return em.createNativeQuery("SELECT 1 FROM census_table WHERE version = ?1").setParameter(1, version)
                    .getResultList().isEmpty() ? Optional.empty() : Optional.of(Map.of());
        }
        Map<Stratum, Long> populations = new LinkedHashMap<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            populations.put(new Stratum(SeoulDistrict.valueOf((String) r[0]), Gender.valueOf((String) r[1]),
                    AgeBand.ofCode(number(r[2]))), ((Number) r[3]).longValue());
        }
        return Optional.of(populations);
    }

    /** A census table version as a weighted result cites it. */
    public record CensusHeader(int version, String title, String source, boolean illustrative) {
    }

    /** The newest census table version: what a design that names none is weighted to. */
    public Optional<Integer> latestCensusVersion() {
        Object latest = em.createNativeQuery("SELECT max(version) FROM census_table").getSingleResult();
        return Optional.ofNullable(latest).map(v -> ((Number) v).intValue());
    }

    public Optional<CensusHeader> censusHeader(int version) {
        List<?> rows = em.createNativeQuery("SELECT version, title, source, illustrative FROM census_table"
                + " WHERE version = ?1").setParameter(1, version).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(r -> new CensusHeader(number(r[0]),
                (String) r[1], (String) r[2], r[3] instanceof Boolean b ? b : number(r[3]) != 0));
    }

    /** Panel members now (a profile and a voter key) not yet drawn for this poll. */
    public List<PanelMember> panelNotDrawn(UUID pollId) {
        List<?> rows = em.createNativeQuery("SELECT p.citizen_id, p.gender, p.district, p.birth_year, k.voter_key"
                        + " FROM citizen_profile p JOIN panel_contact k ON k.citizen_id = p.citizen_id"
                        + " WHERE NOT EXISTS (SELECT 1 FROM sample_member m WHERE m.poll_id = ?1 AND m.citizen_id = p.citizen_id)")
                .setParameter(1, pollId).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new PanelMember(uuid(r[0]), Gender.valueOf((String) r[1]),
                SeoulDistrict.valueOf((String) r[2]), number(r[3]), (byte[]) r[4])).toList();
    }

    public void recordDraw(UUID pollId, List<SampleDraw.Drawn> drawn) {
        for (SampleDraw.Drawn d : drawn) {
            em.createNativeQuery("INSERT INTO sample_member (poll_id, citizen_id, cell, draw_rank, voter_key, district,"
                            + " gender, age_band) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
                    .setParameter(1, pollId).setParameter(2, d.member().citizenId()).setParameter(3, d.cell().code())
                    .setParameter(4, d.rank()).setParameter(5, d.member().voterKey())
                    .setParameter(6, d.member().stratum().district().name())
                    .setParameter(7, d.member().stratum().gender().name())
                    .setParameter(8, (short) d.member().stratum().ageBand().code()).executeUpdate();
        }
    }

    /**
     * The next {@code limit} drawn members of a cell not yet invited, in rank order, who are still in the panel (a
     * member who withdrew since the draw is skipped, never invited).
     */
    public List<Invitee> nextToInvite(UUID pollId, String cell, int limit) {
        List<?> rows = em.createNativeQuery("SELECT m.citizen_id, m.voter_key, k.phone_sealed, k.phone_masked"
                        + " FROM sample_member m JOIN panel_contact k ON k.citizen_id = m.citizen_id"
                        + " WHERE m.poll_id = ?1 AND m.cell = ?2 AND m.invited_at IS NULL ORDER BY m.draw_rank")
                .setParameter(1, pollId).setParameter(2, cell).setMaxResults(limit).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new Invitee(uuid(r[0]), (byte[]) r[1], (byte[]) r[2], (String) r[3])).toList();
    }

    /** Invited members of a cell who have not voted and were invited after {@code since}: still worth waiting for. */
    public int outstandingSince(UUID pollId, String cell, Instant since) {
        return number(em.createNativeQuery("SELECT count(*) FROM sample_member m WHERE m.poll_id = ?1 AND m.cell = ?2"
                        + " AND m.invited_at > ?3 AND NOT EXISTS (SELECT 1 FROM participation pa"
                        + " WHERE pa.poll_id = m.poll_id AND pa.voter_key = m.voter_key)")
                .setParameter(1, pollId).setParameter(2, cell).setParameter(3, utc(since)).getSingleResult());
    }

    public void markInvited(UUID pollId, UUID citizenId, Instant at) {
        em.createNativeQuery("UPDATE sample_member SET invited_at = ?3 WHERE poll_id = ?1 AND citizen_id = ?2")
                .setParameter(1, pollId).setParameter(2, citizenId).setParameter(3, utc(at)).executeUpdate();
    }

    /** One push per app installation of the members invited at {@code at} (one statement per language). */
    public List<UUID> enqueuePush(UUID pollId, String notificationJson, Locale language, Instant at) {
        List<?> ids = em.createNativeQuery("INSERT INTO outbox_message (id, channel, recipient, body, status, attempts, created_at)"
                        + " SELECT gen_random_uuid(), '" + OutboxMessage.Channel.PUSH.name() + "', CAST(i.id AS VARCHAR(64)), ?1, '"
                        + OutboxMessage.Status.PENDING.name() + "', 0, ?2 FROM push_installation i"
                        + " JOIN sample_member m ON m.voter_key = i.voter_key"
                        + " WHERE i.language = ?3 AND m.poll_id = ?4 AND m.invited_at = ?2 RETURNING id")
                .setParameter(1, notificationJson).setParameter(2, utc(at)).setParameter(3, language.getLanguage())
                .setParameter(4, pollId).getResultList();
        return ids.stream().map(SampleLedger::uuid).toList();
    }

    /** The seat of an invited member who is still in the panel; empty for anyone else. */
    public Optional<Seat> seat(UUID pollId, byte[] voterKey) {
        List<?> rows = em.createNativeQuery("SELECT m.cell, m.district, m.gender, m.age_band FROM sample_member m"
                        + " JOIN citizen_profile p ON p.citizen_id = m.citizen_id"
                        + " WHERE m.poll_id = ?1 AND m.voter_key = ?2 AND m.invited_at IS NOT NULL")
                .setParameter(1, pollId).setParameter(2, voterKey).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(r -> new Seat((String) r[0],
                new Stratum(SeoulDistrict.valueOf((String) r[1]), Gender.valueOf((String) r[2]), AgeBand.ofCode(number(r[3])))));
    }

    /**
     * Reserves one slot of the cell, in the cast's transaction: false when the cell is full. Concurrent casts queue on
     * the cell's row and each re-reads {@code filled} after the wait, so the target is never passed.
     */
    public boolean takeSlot(UUID pollId, String cell) {
        return em.createNativeQuery("UPDATE sample_cell SET filled = filled + 1 WHERE poll_id = ?1 AND cell = ?2"
                        + " AND filled < target")
                .setParameter(1, pollId).setParameter(2, cell).executeUpdate() == 1;
    }

    /** Open PANEL_SAMPLE polls that were drawn, for the replacement timer. */
    public List<UUID> openDrawnPolls(Instant now) {
        List<?> ids = em.createNativeQuery("SELECT p.id FROM poll p JOIN sample_design d ON d.poll_id = p.id"
                        + " WHERE p.audience_type = ?1 AND p.status = ?2 AND d.drawn_at IS NOT NULL AND p.closes_at > ?3")
                .setParameter(1, AudienceType.PANEL_SAMPLE.name()).setParameter(2, PollStatus.OPEN.name())
                .setParameter(3, utc(now)).getResultList();
        return ids.stream().map(SampleLedger::uuid).toList();
    }

    /** The mixer's per-stratum counts: stratum → option id → count (option 0: ballots). */
    public Map<Stratum, Map<Long, Long>> stratumTally(UUID pollId) {
        Map<Stratum, Map<Long, Long>> counts = new LinkedHashMap<>();
        for (Object row : em.createNativeQuery("SELECT district, gender, age_band, option_id, votes FROM stratum_tally"
                        + " WHERE poll_id = ?1 ORDER BY district, gender, age_band, option_id")
                .setParameter(1, pollId).getResultList()) {
            Object[] r = (Object[]) row;
            Stratum stratum = new Stratum(SeoulDistrict.valueOf((String) r[0]), Gender.valueOf((String) r[1]),
                    AgeBand.ofCode(number(r[2])));
            counts.computeIfAbsent(stratum, s -> new LinkedHashMap<>()).put(((Number) r[3]).longValue(),
                    ((Number) r[4]).longValue());
        }
        return counts;
    }

    /** A member who joined the panel (or changed their profile): the key their phone votes with. */
    public void rememberVoterKey(UUID citizenId, byte[] voterKey, Instant now) {
        em.flush(); // the profile row must exist for the reference
        em.createNativeQuery("INSERT INTO panel_contact (citizen_id, voter_key, updated_at) VALUES (?1, ?2, ?3)"
                        + " ON CONFLICT (citizen_id) DO UPDATE SET voter_key = EXCLUDED.voter_key, updated_at = EXCLUDED.updated_at")
                .setParameter(1, citizenId).setParameter(2, voterKey).setParameter(3, utc(now)).executeUpdate();
    }

    /** A sign-in of a panel member: their key and number, so a draw can text them; nothing for anyone else. */
    public void refreshContact(UUID citizenId, byte[] voterKey, byte[] phoneSealed, String phoneMasked, Instant now) {
        em.createNativeQuery("INSERT INTO panel_contact (citizen_id, voter_key, phone_sealed, phone_masked, updated_at)"
                        + " SELECT citizen_id, ?2, ?3, ?4, ?5 FROM citizen_profile WHERE citizen_id = ?1"
                        + " ON CONFLICT (citizen_id) DO UPDATE SET voter_key = EXCLUDED.voter_key,"
                        + " phone_sealed = EXCLUDED.phone_sealed, phone_masked = EXCLUDED.phone_masked,"
                        + " updated_at = EXCLUDED.updated_at")
                .setParameter(1, citizenId).setParameter(2, voterKey).setParameter(3, phoneSealed)
                .setParameter(4, phoneMasked).setParameter(5, utc(now)).executeUpdate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static UUID uuid(Object id) {
        return id instanceof UUID u ? u : UUID.fromString(id.toString());
    }
}
