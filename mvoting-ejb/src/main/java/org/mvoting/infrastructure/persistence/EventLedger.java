package org.mvoting.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.events.EventDraft;
import org.mvoting.api.events.EventView;

/** Events, their participants and printed tokens (event, event_participant, event_token). */
@ApplicationScoped
public class EventLedger {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** A participant as the join needs it. */
    public record Participant(UUID id, byte[] voterKey) {
    }

    /** A token as kept: its event and, once used, its participant. */
    public record Token(UUID eventId, UUID participantId) {
    }

    public boolean joinCodeTaken(String code) {
        return !em.createNativeQuery("SELECT 1 FROM event WHERE join_code = ?1").setParameter(1, code).getResultList().isEmpty();
    }

    public void addEvent(UUID id, String joinCode, EventDraft draft, String createdBy, Instant now) {
        em.createNativeQuery("INSERT INTO event (id, join_code, title, starts_at, venue, agenda, rehearsal, created_by,"
                        + " created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                .setParameter(1, id).setParameter(2, joinCode).setParameter(3, draft.title().strip())
                .setParameter(4, utc(draft.startsAt())).setParameter(5, draft.venue().strip())
                .setParameter(6, draft.agenda() == null ? "" : draft.agenda().strip()).setParameter(7, draft.rehearsal())
                .setParameter(8, createdBy).setParameter(9, utc(now)).executeUpdate();
    }

    public Optional<EventView> event(UUID id) {
        List<?> rows = em.createNativeQuery("SELECT e.id, e.join_code, e.title, e.starts_at, e.venue, e.agenda, e.rehearsal,"
                        + " (SELECT count(*) FROM event_participant p WHERE p.event_id = e.id),"
                        + " (SELECT count(*) FROM event_token t WHERE t.event_id = e.id),"
                        + " (SELECT count(*) FROM event_token t WHERE t.event_id = e.id AND t.used_at IS NOT NULL)"
                        + " FROM event e WHERE e.id = ?1").setParameter(1, id).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(r -> new EventView(uuid(r[0]), (String) r[1],
                (String) r[2], instant(r[3]), (String) r[4], ((String) r[5]).isEmpty() ? null : (String) r[5],
                (Boolean) r[6], number(r[7]), number(r[8]), number(r[9])));
    }

    public Optional<UUID> eventByJoinCode(String code) {
        List<?> rows = em.createNativeQuery("SELECT id FROM event WHERE join_code = ?1").setParameter(1, code).getResultList();
        return rows.stream().findFirst().map(EventLedger::uuid);
    }

    /** Registers a participant unless one with this voter key is registered already; true when added. */
    public boolean addParticipant(UUID eventId, String name, String group, byte[] phoneSealed, String phoneMasked,
                                  byte[] voterKey, String source) {
        return em.createNativeQuery("INSERT INTO event_participant (id, event_id, name, group_label, phone_sealed,"
                        + " phone_masked, voter_key, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) ON CONFLICT DO NOTHING")
                .setParameter(1, UUID.randomUUID()).setParameter(2, eventId).setParameter(3, name == null ? "" : name)
                .setParameter(4, group == null ? "" : group).setParameter(5, phoneSealed == null ? new byte[0] : phoneSealed)
                .setParameter(6, phoneMasked == null ? "" : phoneMasked).setParameter(7, voterKey).setParameter(8, source)
                .executeUpdate() == 1;
    }

    public Optional<Participant> participant(UUID eventId, byte[] voterKey) {
        List<?> rows = em.createNativeQuery("SELECT id, voter_key FROM event_participant WHERE event_id = ?1 AND voter_key = ?2")
                .setParameter(1, eventId).setParameter(2, voterKey).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(r -> new Participant(uuid(r[0]), (byte[]) r[1]));
    }

    public Optional<Participant> participant(UUID participantId) {
        List<?> rows = em.createNativeQuery("SELECT id, voter_key FROM event_participant WHERE id = ?1")
                .setParameter(1, participantId).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(r -> new Participant(uuid(r[0]), (byte[]) r[1]));
    }

    public void markJoined(UUID participantId, Instant now) {
        em.createNativeQuery("UPDATE event_participant SET joined_at = COALESCE(joined_at, ?2) WHERE id = ?1")
                .setParameter(1, participantId).setParameter(2, utc(now)).executeUpdate();
    }

    public long countParticipants(UUID eventId) {
        return number(em.createNativeQuery("SELECT count(*) FROM event_participant WHERE event_id = ?1")
                .setParameter(1, eventId).getSingleResult());
    }

    /** Deletes a rehearsal's tokens and participants and makes the event real; false unless it was a rehearsal. */
    public boolean wipeRehearsal(UUID eventId) {
        if (em.createNativeQuery("UPDATE event SET rehearsal = FALSE WHERE id = ?1 AND rehearsal")
                .setParameter(1, eventId).executeUpdate() == 0) {
            return false;
        }
        em.createNativeQuery("DELETE FROM event_token WHERE event_id = ?1").setParameter(1, eventId).executeUpdate();
        em.createNativeQuery("DELETE FROM event_participant WHERE event_id = ?1").setParameter(1, eventId).executeUpdate();
        return true;
    }

    public void addToken(UUID eventId, byte[] codeHash, Instant now) {
        em.createNativeQuery("INSERT INTO event_token (code_hash, event_id, issued_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, codeHash).setParameter(2, eventId).setParameter(3, utc(now)).executeUpdate();
    }

    /** The token, locked for this transaction (two phones entering one code at once must agree on one participant). */
    public Optional<Token> lockedToken(byte[] codeHash) {
        List<?> rows = em.createNativeQuery("SELECT event_id, participant_id FROM event_token WHERE code_hash = ?1 FOR UPDATE")
                .setParameter(1, codeHash).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst()
                .map(r -> new Token(uuid(r[0]), r[1] == null ? null : uuid(r[1])));
    }

    public void bindToken(byte[] codeHash, UUID participantId, Instant now) {
        em.createNativeQuery("UPDATE event_token SET participant_id = ?2, used_at = ?3 WHERE code_hash = ?1")
                .setParameter(1, codeHash).setParameter(2, participantId).setParameter(3, utc(now)).executeUpdate();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }

    private static Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return (Instant) value;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
