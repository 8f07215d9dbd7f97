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
import org.mvoting.api.events.QuestionState;
import org.mvoting.domain.event.Event;
import org.mvoting.domain.event.HallQuestion;

/**
 * The events' native SQL (event, event_participant, event_token, event_token_batch, event_operator, event_question,
 * event_paper_count, event_paper_pending, event_registration):
 * a ledger, not a repository, because the hall's reads run every quarter second per screen and its writes are single
 * statements. The console's rules load the {@link Event} aggregate from here; the rest are reads for views and
 * targeted writes.
 */
@ApplicationScoped
public class EventLedger {

    @PersistenceContext(unitName = "mvoting")
    private EntityManager em;

    /** A participant as the join needs it. */
    public record Participant(UUID id, byte[] voterKey) {
    }

    /** A token as kept: its event, once used its participant, and whether its batch waits for a second person. */
    public record Token(UUID eventId, UUID participantId, boolean pending) {
    }

    public boolean joinCodeTaken(String code) {
        return !em.createNativeQuery("SELECT 1 FROM event WHERE join_code = ?1").setParameter(1, code).getResultList().isEmpty();
    }

    public void addEvent(UUID id, String joinCode, EventDraft draft, String createdBy, String departmentCode,
                         Instant now) {
        em.createNativeQuery("INSERT INTO event (id, join_code, title, starts_at, venue, agenda, rehearsal, created_by,"
                        + " created_at, department_code) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)")
                .setParameter(1, id).setParameter(2, joinCode).setParameter(3, draft.title().strip())
                .setParameter(4, utc(draft.startsAt())).setParameter(5, draft.venue().strip())
                .setParameter(6, draft.agenda() == null ? "" : draft.agenda().strip()).setParameter(7, draft.rehearsal())
                .setParameter(8, createdBy).setParameter(9, utc(now))
                .setParameter(10, departmentCode == null ? "" : departmentCode).executeUpdate();
    }

    private static final String EVENT_VIEW = "SELECT e.id, e.join_code, e.title, e.starts_at, e.venue, e.agenda,"
            + " e.rehearsal,"
            + " (SELECT count(*) FROM event_participant p WHERE p.event_id = e.id),"
            + " (SELECT count(*) FROM event_token t WHERE t.event_id = e.id),"
            + " (SELECT count(*) FROM event_token t WHERE t.event_id = e.id AND t.used_at IS NOT NULL),"
            + " (SELECT count(*) FROM event_token t JOIN event_token_batch b ON b.id = t.batch_id"
            + " WHERE t.event_id = e.id AND b.status = 'PENDING'), e.department_code, e.created_by FROM event e ";

    public Optional<EventView> event(UUID id) {
        List<?> rows = em.createNativeQuery(EVENT_VIEW + "WHERE e.id = ?1").setParameter(1, id).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(EventLedger::eventView);
    }

    private static EventView eventView(Object[] r) {
        return new EventView(uuid(r[0]), (String) r[1], (String) r[2], NativeValues.instant(r[3]), (String) r[4],
                ((String) r[5]).isEmpty() ? null : (String) r[5], (Boolean) r[6], number(r[7]), number(r[8]), number(r[9]),
                number(r[10]), r[11] == null || ((String) r[11]).isEmpty() ? null : (String) r[11], (String) r[12]);
    }

    /** Every event, the next ones first (then the most recent past ones). */
    public List<EventView> events() {
        List<?> rows = em.createNativeQuery(EVENT_VIEW + "ORDER BY e.starts_at DESC, e.id").setMaxResults(500)
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(EventLedger::eventView).toList();
    }

    public Optional<UUID> eventByJoinCode(String code) {
        List<?> rows = em.createNativeQuery("SELECT id FROM event WHERE join_code = ?1").setParameter(1, code).getResultList();
        return rows.stream().findFirst().map(EventLedger::uuid);
    }

    /** An event's question as a ballot needs it: its event, its one question, and whether it has been asked yet. */
    public record QuestionKey(UUID eventId, long questionId, boolean asked) {
    }

    /** The question an event poll asks (its first and only one); empty for a poll that no event owns. */
    public Optional<QuestionKey> questionKey(UUID pollId) {
        List<?> rows = em.createNativeQuery("SELECT p.owner_event_id, q.id, p.status FROM poll p JOIN question q"
                        + " ON q.poll_id = p.id WHERE p.id = ?1 AND p.owner_event_id IS NOT NULL ORDER BY q.position LIMIT 1")
                .setParameter(1, pollId).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst()
                .map(r -> new QuestionKey(uuid(r[0]), number(r[1]), !"DRAFT".equals(r[2])));
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
        em.createNativeQuery("DELETE FROM event_token_batch WHERE event_id = ?1").setParameter(1, eventId).executeUpdate();
        // the run-through's registration requests were test people too; kept, they would block the real ones
        em.createNativeQuery("DELETE FROM event_registration WHERE event_id = ?1").setParameter(1, eventId).executeUpdate();
        em.createNativeQuery("DELETE FROM event_participant WHERE event_id = ?1").setParameter(1, eventId).executeUpdate();
        return true;
    }

    /** A token valid at once ({@code batchId} null) or one of a batch waiting for a second person. */
    public void addToken(UUID eventId, byte[] codeHash, UUID batchId, Instant now) {
        String batch = batchId == null ? "NULL" : "?4"; // a null parameter's type a native query cannot tell
        var insert = em.createNativeQuery("INSERT INTO event_token (code_hash, event_id, issued_at, batch_id)"
                        + " VALUES (?1, ?2, ?3, " + batch + ")")
                .setParameter(1, codeHash).setParameter(2, eventId).setParameter(3, utc(now));
        if (batchId != null) {
            insert.setParameter(4, batchId);
        }
        insert.executeUpdate();
    }

    /** The token, locked for this transaction (two phones entering one code at once must agree on one participant). */
    public Optional<Token> lockedToken(byte[] codeHash) {
        List<?> rows = em.createNativeQuery("SELECT t.event_id, t.participant_id, (SELECT b.status FROM event_token_batch b"
                        + " WHERE b.id = t.batch_id) FROM event_token t WHERE t.code_hash = ?1 FOR UPDATE")
                .setParameter(1, codeHash).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst()
                .map(r -> new Token(uuid(r[0]), r[1] == null ? null : uuid(r[1]), "PENDING".equals(r[2])));
    }

    // ---------------------------------------------------------------- four eyes: operators and token batches

    /** Who created the event and the department it belongs to (null for an event created before departments). */
    public record Ownership(String createdBy, String departmentCode) {
    }

    public Optional<Ownership> ownership(UUID eventId) {
        List<?> rows = em.createNativeQuery("SELECT created_by, department_code FROM event WHERE id = ?1")
                .setParameter(1, eventId).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(r -> new Ownership((String) r[0],
                r[1] == null || ((String) r[1]).isEmpty() ? null : (String) r[1]));
    }

    /** Whether the member of staff runs the event: its creator, or assigned to it. */
    public boolean isOperator(UUID eventId, String staffId) {
        return !em.createNativeQuery("SELECT 1 FROM event e WHERE e.id = ?1 AND (lower(e.created_by) = lower(?2)"
                        + " OR EXISTS (SELECT 1 FROM event_operator o WHERE o.event_id = e.id AND lower(o.staff_id) = lower(?2)))")
                .setParameter(1, eventId).setParameter(2, staffId).getResultList().isEmpty();
    }

    /** An assignment as kept. */
    public record Assignment(String staffId, String assignedBy, Instant assignedAt) {
    }

    public List<Assignment> assignments(UUID eventId) {
        List<?> rows = em.createNativeQuery("SELECT staff_id, assigned_by, assigned_at FROM event_operator"
                + " WHERE event_id = ?1 ORDER BY assigned_at, staff_id").setParameter(1, eventId).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new Assignment((String) r[0], (String) r[1], NativeValues.instant(r[2]))).toList();
    }

    /** True when assigned now (false: assigned already). */
    public boolean assign(UUID eventId, String staffId, String assignedBy, Instant now) {
        return em.createNativeQuery("INSERT INTO event_operator (event_id, staff_id, assigned_by, assigned_at)"
                        + " VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING").setParameter(1, eventId)
                .setParameter(2, staffId).setParameter(3, assignedBy).setParameter(4, utc(now)).executeUpdate() == 1;
    }

    public boolean unassign(UUID eventId, String staffId) {
        return em.createNativeQuery("DELETE FROM event_operator WHERE event_id = ?1 AND lower(staff_id) = lower(?2)")
                .setParameter(1, eventId).setParameter(2, staffId).executeUpdate() > 0;
    }

    public void addTokenBatch(UUID id, UUID eventId, int tokens, String issuedBy, Instant now) {
        em.createNativeQuery("INSERT INTO event_token_batch (id, event_id, tokens, status, issued_by, issued_at)"
                        + " VALUES (?1, ?2, ?3, 'PENDING', ?4, ?5)").setParameter(1, id).setParameter(2, eventId)
                .setParameter(3, tokens).setParameter(4, issuedBy).setParameter(5, utc(now)).executeUpdate();
    }

    private static final String BATCH = "SELECT id, event_id, tokens, status, issued_by, issued_at, decided_by, decided_at"
            + " FROM event_token_batch ";

    public List<org.mvoting.api.events.TokenBatch> pendingTokenBatches(UUID eventId) {
        List<?> rows = em.createNativeQuery(BATCH + "WHERE event_id = ?1 AND status = 'PENDING' ORDER BY issued_at, id")
                .setParameter(1, eventId).getResultList();
        return rows.stream().map(Object[].class::cast).map(EventLedger::batch).toList();
    }

    /** A batch of the event, locked for a decision (two confirmers at once: the second finds it decided). */
    public Optional<org.mvoting.api.events.TokenBatch> lockedTokenBatch(UUID eventId, UUID batchId) {
        List<?> rows = em.createNativeQuery(BATCH + "WHERE event_id = ?1 AND id = ?2 FOR UPDATE")
                .setParameter(1, eventId).setParameter(2, batchId).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(EventLedger::batch);
    }

    /** Records the decision; a declined batch's tokens are deleted (none of them was ever used: pending admits nobody). */
    public void decideTokenBatch(UUID batchId, boolean confirm, String decidedBy, Instant now) {
        em.createNativeQuery("UPDATE event_token_batch SET status = ?2, decided_by = ?3, decided_at = ?4 WHERE id = ?1")
                .setParameter(1, batchId).setParameter(2, confirm ? "CONFIRMED" : "DECLINED")
                .setParameter(3, decidedBy).setParameter(4, utc(now)).executeUpdate();
        if (!confirm) {
            em.createNativeQuery("DELETE FROM event_token WHERE batch_id = ?1 AND participant_id IS NULL")
                    .setParameter(1, batchId).executeUpdate();
        }
    }

    private static org.mvoting.api.events.TokenBatch batch(Object[] r) {
        return new org.mvoting.api.events.TokenBatch(uuid(r[0]), uuid(r[1]), (int) number(r[2]),
                org.mvoting.api.events.TokenBatch.Status.valueOf((String) r[3]), (String) r[4], NativeValues.instant(r[5]),
                (String) r[6], r[7] == null ? null : NativeValues.instant(r[7]));
    }

    public void bindToken(byte[] codeHash, UUID participantId, Instant now) {
        em.createNativeQuery("UPDATE event_token SET participant_id = ?2, used_at = ?3 WHERE code_hash = ?1")
                .setParameter(1, codeHash).setParameter(2, participantId).setParameter(3, utc(now)).executeUpdate();
    }

    // ---------------------------------------------------------------- the hall: questions, screens, paper counts

    /**
     * An event question's own facts (the poll holds its text, options, status and schedule); {@code paperHandedOut}:
     * the paper ballots registered as handed out (null: none yet).
     */
    public record QuestionRow(UUID pollId, int round, int position, UUID carriedFrom, boolean resultsShown,
                              Instant announcedAt, Long paperHandedOut) {
    }

    public void addQuestion(UUID pollId, UUID eventId, int round, UUID carriedFrom, Instant now) {
        // two statements rather than a null parameter, whose type a native query cannot tell PostgreSQL
        String carried = carriedFrom == null ? "NULL" : "?5";
        var insert = em.createNativeQuery("INSERT INTO event_question (poll_id, event_id, round_no, position,"
                        + " carried_from, created_at) SELECT ?1, ?2, ?3, COALESCE(max(position), 0) + 1, " + carried
                        + ", ?4 FROM event_question WHERE event_id = ?2 AND round_no = ?3")
                .setParameter(1, pollId).setParameter(2, eventId).setParameter(3, round).setParameter(4, utc(now));
        if (carriedFrom != null) {
            insert.setParameter(5, carriedFrom);
        }
        insert.executeUpdate();
    }

    public List<QuestionRow> questions(UUID eventId) {
        List<?> rows = em.createNativeQuery("SELECT poll_id, round_no, position, carried_from, results_shown, announced_at,"
                + " paper_ballots FROM event_question WHERE event_id = ?1 ORDER BY round_no, position").setParameter(1, eventId)
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(EventLedger::questionRow).toList();
    }

    public Optional<QuestionRow> question(UUID eventId, UUID pollId) {
        List<?> rows = em.createNativeQuery("SELECT poll_id, round_no, position, carried_from, results_shown, announced_at,"
                + " paper_ballots FROM event_question WHERE event_id = ?1 AND poll_id = ?2").setParameter(1, eventId)
                .setParameter(2, pollId).getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(EventLedger::questionRow);
    }

    /**
     * The event with its questions, as the console's rules need them: each question's round and place, its poll's
     * status, what the screens show of it, and what it asks (text, most selections, option ids in order).
     */
    public Optional<Event> eventWithQuestions(UUID eventId) {
        List<?> rows = em.createNativeQuery("SELECT e.current_poll_id, q.poll_id, q.round_no, q.position, q.carried_from,"
                        + " q.results_shown, q.announced_at, p.status, x.text, x.max_selections,"
                        + " (SELECT string_agg(CAST(o.id AS VARCHAR), ',' ORDER BY o.position) FROM answer_option o"
                        + " WHERE o.question_id = x.id), q.paper_ballots, e.rehearsal, e.starts_at"
                        + " FROM event e LEFT JOIN event_question q ON q.event_id = e.id"
                        + " LEFT JOIN poll p ON p.id = q.poll_id LEFT JOIN question x ON x.poll_id = p.id"
                        + " WHERE e.id = ?1 ORDER BY q.round_no, q.position").setParameter(1, eventId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] first = (Object[]) rows.get(0);
        List<HallQuestion> questions = rows.stream().map(Object[].class::cast).filter(r -> r[1] != null)
                .map(r -> new HallQuestion(uuid(r[1]), (int) number(r[2]), (int) number(r[3]),
                        r[4] == null ? null : uuid(r[4]), questionState((String) r[7]), (Boolean) r[5],
                        r[6] == null ? null : NativeValues.instant(r[6]), (String) r[8], (int) number(r[9]),
                        r[10] == null ? List.of() : java.util.Arrays.stream(((String) r[10]).split(","))
                                .map(Long::valueOf).toList(), r[11] == null ? null : number(r[11])))
                .toList();
        return Optional.of(new Event(eventId, first[0] == null ? null : uuid(first[0]), questions, (Boolean) first[12],
                NativeValues.instant(first[13])));
    }

    /** Where an event question stands, by its poll's status (a removed one counts as never asked). */
    public static QuestionState questionState(String pollStatus) {
        return switch (pollStatus) {
            case "OPEN" -> QuestionState.OPEN;
            case "CLOSED" -> QuestionState.CLOSED;
            default -> QuestionState.PREPARED;
        };
    }

    /** An event question open for votes: whether its countdown has run out, and whether the big screen shows its results. */
    public record OpenQuestion(UUID pollId, boolean runOut, boolean resultsShown) {
    }

    /** Every event question open for votes now (the poll status index finds them; a hall has one at a time). */
    public List<OpenQuestion> openQuestions(Instant now) {
        List<?> rows = em.createNativeQuery("SELECT p.id, p.closes_at <= ?1, q.results_shown FROM poll p"
                        + " JOIN event_question q ON q.poll_id = p.id WHERE p.status = 'OPEN' AND p.kind = 'EVENT'")
                .setParameter(1, utc(now)).getResultList();
        return rows.stream().map(Object[].class::cast)
                .map(r -> new OpenQuestion(uuid(r[0]), (Boolean) r[1], (Boolean) r[2])).toList();
    }

    public void showResults(UUID pollId, boolean shown) {
        em.createNativeQuery("UPDATE event_question SET results_shown = ?2 WHERE poll_id = ?1")
                .setParameter(1, pollId).setParameter(2, shown).executeUpdate();
    }

    public void announce(UUID pollId, Instant now) {
        em.createNativeQuery("UPDATE event_question SET announced_at = COALESCE(announced_at, ?2), results_shown = TRUE"
                + " WHERE poll_id = ?1").setParameter(1, pollId).setParameter(2, utc(now)).executeUpdate();
    }

    /** Puts a question on every screen in the hall. */
    public void putOnScreens(UUID eventId, UUID pollId) {
        em.createNativeQuery("UPDATE event SET current_poll_id = ?2 WHERE id = ?1")
                .setParameter(1, eventId).setParameter(2, pollId).executeUpdate();
    }

    public Optional<UUID> onScreens(UUID eventId) {
        List<?> rows = em.createNativeQuery("SELECT current_poll_id FROM event WHERE id = ?1 AND current_poll_id IS NOT NULL")
                .setParameter(1, eventId).getResultList();
        return rows.stream().findFirst().map(EventLedger::uuid);
    }

    /** What the hall's screens need about the event: title, registered and joined participants, the current question. */
    public record Hall(UUID eventId, String title, long participants, long joined, UUID currentPollId) {
    }

    public Optional<Hall> hall(String joinCode) {
        List<?> rows = em.createNativeQuery("SELECT e.id, e.title,"
                        + " (SELECT count(*) FROM event_participant p WHERE p.event_id = e.id),"
                        + " (SELECT count(*) FROM event_participant p WHERE p.event_id = e.id AND p.joined_at IS NOT NULL),"
                        + " e.current_poll_id FROM event e WHERE e.join_code = ?1").setParameter(1, joinCode)
                .getResultList();
        return rows.stream().map(Object[].class::cast).findFirst().map(r -> new Hall(uuid(r[0]), (String) r[1],
                number(r[2]), number(r[3]), r[4] == null ? null : uuid(r[4])));
    }

    public long countJoined(UUID eventId) {
        return number(em.createNativeQuery("SELECT count(*) FROM event_participant WHERE event_id = ?1"
                + " AND joined_at IS NOT NULL").setParameter(1, eventId).getSingleResult());
    }

    /** Registers the paper ballots handed out for a question. */
    public void registerPaperBallots(UUID pollId, long handedOut, String registeredBy) {
        em.createNativeQuery("UPDATE event_question SET paper_ballots = ?2, paper_ballots_by = ?3 WHERE poll_id = ?1")
                .setParameter(1, pollId).setParameter(2, handedOut).setParameter(3, registeredBy).executeUpdate();
    }

    /** Replaces a question's paper counts that stand (option id → ballots counted by hand), as confirmed. */
    public void replacePaperCounts(UUID pollId, java.util.Map<Long, Long> counts, String enteredBy, Instant enteredAt,
                                   String confirmedBy, Instant now) {
        em.createNativeQuery("DELETE FROM event_paper_count WHERE poll_id = ?1").setParameter(1, pollId).executeUpdate();
        counts.forEach((optionId, votes) -> em.createNativeQuery("INSERT INTO event_paper_count (poll_id, option_id,"
                        + " votes, entered_by, entered_at, confirmed_by, confirmed_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
                .setParameter(1, pollId).setParameter(2, optionId).setParameter(3, votes).setParameter(4, enteredBy)
                .setParameter(5, utc(enteredAt)).setParameter(6, confirmedBy).setParameter(7, utc(now)).executeUpdate());
    }

    /** Replaces a question's pending paper counts (the one entry waiting for a second person). */
    public void replacePendingPaper(UUID pollId, java.util.Map<Long, Long> counts, String enteredBy, Instant now) {
        deletePendingPaper(pollId);
        counts.forEach((optionId, votes) -> em.createNativeQuery("INSERT INTO event_paper_pending (poll_id, option_id,"
                        + " votes, entered_by, entered_at) VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, pollId)
                .setParameter(2, optionId).setParameter(3, votes).setParameter(4, enteredBy).setParameter(5, utc(now))
                .executeUpdate());
    }

    public void deletePendingPaper(UUID pollId) {
        em.createNativeQuery("DELETE FROM event_paper_pending WHERE poll_id = ?1").setParameter(1, pollId).executeUpdate();
    }

    /** The paper counts waiting for a second person, if any. */
    public Optional<org.mvoting.api.events.PendingPaperCounts> pendingPaper(UUID pollId) {
        List<?> rows = em.createNativeQuery("SELECT option_id, votes, entered_by, entered_at FROM event_paper_pending"
                + " WHERE poll_id = ?1").setParameter(1, pollId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        rows.stream().map(Object[].class::cast).forEach(r -> counts.put(number(r[0]), number(r[1])));
        Object[] first = (Object[]) rows.get(0);
        return Optional.of(new org.mvoting.api.events.PendingPaperCounts((String) first[2], NativeValues.instant(first[3]), counts));
    }

    public java.util.Map<Long, Long> paperCounts(UUID pollId) {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        for (Object row : em.createNativeQuery("SELECT option_id, votes FROM event_paper_count WHERE poll_id = ?1")
                .setParameter(1, pollId).getResultList()) {
            Object[] r = (Object[]) row;
            counts.put(number(r[0]), number(r[1]));
        }
        return counts;
    }

    /** How many have voted on a question so far (participations commit with the ballot, before it is mixed). */
    public long ballotsCast(UUID pollId) {
        return number(em.createNativeQuery("SELECT count(*) FROM participation WHERE poll_id = ?1")
                .setParameter(1, pollId).getSingleResult());
    }

    /** Takes a rehearsal's questions out of the event (the polls stay, removed, as the record of the run-through). */
    public void detachQuestions(UUID eventId) {
        em.createNativeQuery("UPDATE event SET current_poll_id = NULL WHERE id = ?1").setParameter(1, eventId)
                .executeUpdate();
        em.createNativeQuery("DELETE FROM event_paper_count WHERE poll_id IN (SELECT poll_id FROM event_question"
                + " WHERE event_id = ?1)").setParameter(1, eventId).executeUpdate();
        em.createNativeQuery("DELETE FROM event_paper_pending WHERE poll_id IN (SELECT poll_id FROM event_question"
                + " WHERE event_id = ?1)").setParameter(1, eventId).executeUpdate();
        em.createNativeQuery("DELETE FROM event_question WHERE event_id = ?1").setParameter(1, eventId).executeUpdate();
    }

    // ---------------------------------------------------------------- self-registration and invitations

    /** Records a citizen's request unless they asked already; true when recorded now. */
    public boolean addRegistration(UUID id, UUID eventId, String name, String group, byte[] voterKey, String status,
                                   Instant now) {
        return em.createNativeQuery("INSERT INTO event_registration (id, event_id, name, group_label, voter_key, status,"
                        + " requested_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING")
                .setParameter(1, id).setParameter(2, eventId).setParameter(3, name).setParameter(4, group == null ? "" : group)
                .setParameter(5, voterKey).setParameter(6, status).setParameter(7, utc(now)).executeUpdate() == 1;
    }

    /** A registration with its voter key, locked for a decision. */
    public record RegistrationRow(org.mvoting.api.events.Registration registration, byte[] voterKey) {
    }

    public Optional<RegistrationRow> registration(UUID eventId, UUID id, boolean lock) {
        return registrations("WHERE event_id = ?1 AND id = ?2" + (lock ? " FOR UPDATE" : ""), eventId, id).stream()
                .findFirst();
    }

    public Optional<RegistrationRow> registrationOf(UUID eventId, byte[] voterKey) {
        return registrations("WHERE event_id = ?1 AND voter_key = ?2", eventId, voterKey).stream().findFirst();
    }

    public List<org.mvoting.api.events.Registration> registrations(UUID eventId) {
        return registrations("WHERE event_id = ?1 ORDER BY status <> 'PENDING', CASE WHEN status = 'PENDING'"
                + " THEN requested_at END, requested_at DESC LIMIT 2000", eventId, null).stream()
                .map(RegistrationRow::registration).toList();
    }

    private List<RegistrationRow> registrations(String where, UUID eventId, Object second) {
        var query = em.createNativeQuery("SELECT id, event_id, name, group_label, status, requested_at, voter_key"
                + " FROM event_registration " + where).setParameter(1, eventId);
        if (second != null) {
            query.setParameter(2, second);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new RegistrationRow(
                new org.mvoting.api.events.Registration(uuid(r[0]), uuid(r[1]), (String) r[2],
                        ((String) r[3]).isEmpty() ? null : (String) r[3],
                        org.mvoting.api.events.Registration.Status.valueOf((String) r[4]), NativeValues.instant(r[5])),
                (byte[]) r[6])).toList();
    }

    public void decideRegistration(UUID id, String status, String decidedBy, Instant now) {
        em.createNativeQuery("UPDATE event_registration SET status = ?2, decided_by = ?3, decided_at = ?4 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, status).setParameter(3, decidedBy).setParameter(4, utc(now))
                .executeUpdate();
    }

    /** A participant registered with a phone number who has not been sent the event link yet. */
    public record Invitee(UUID participantId, byte[] phoneSealed) {
    }

    public List<Invitee> notInvited(UUID eventId) {
        List<?> rows = em.createNativeQuery("SELECT id, phone_sealed FROM event_participant WHERE event_id = ?1"
                + " AND invitation_id IS NULL AND octet_length(phone_sealed) > 0 ORDER BY id").setParameter(1, eventId)
                .getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new Invitee(uuid(r[0]), (byte[]) r[1])).toList();
    }

    public void recordInvitation(UUID participantId, UUID messageId) {
        em.createNativeQuery("UPDATE event_participant SET invitation_id = ?2 WHERE id = ?1")
                .setParameter(1, participantId).setParameter(2, messageId).executeUpdate();
    }

    /** Participants invited so far, and those without a phone number to invite (walk-ins, self-registered). */
    public long[] invitationCounts(UUID eventId) {
        Object[] r = (Object[]) em.createNativeQuery("SELECT count(invitation_id),"
                + " count(*) FILTER (WHERE octet_length(phone_sealed) = 0), count(*) FROM event_participant"
                + " WHERE event_id = ?1").setParameter(1, eventId).getSingleResult();
        return new long[] {number(r[0]), number(r[1]), number(r[2])};
    }

    private static QuestionRow questionRow(Object[] r) {
        return new QuestionRow(uuid(r[0]), (int) number(r[1]), (int) number(r[2]), r[3] == null ? null : uuid(r[3]),
                (Boolean) r[4], r[5] == null ? null : NativeValues.instant(r[5]), r[6] == null ? null : number(r[6]));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static UUID uuid(Object value) {
        return value instanceof UUID u ? u : UUID.fromString(value.toString());
    }


    private static long number(Object value) {
        return ((Number) value).longValue();
    }
}
