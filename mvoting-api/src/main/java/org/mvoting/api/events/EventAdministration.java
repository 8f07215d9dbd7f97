package org.mvoting.api.events;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.ListImportReport;

/**
 * Event operators (role EVENT_OPERATOR) set events up before the day; every action is audited. An operator acts only
 * on the events they are assigned to (the creator always is); the head of the event's department and ADMIN act on
 * every event of theirs. Tokens issued once the event is under way wait for a second person.
 */
@Local
public interface EventAdministration {

    EventView createEvent(EventDraft draft, Actor actor);

    EventView event(UUID eventId);

    /** Every event, the next ones first. */
    List<EventView> events();

    /**
     * Registers participants from a list ({@code firstRow}: the file's row of the first one); every usable row is
     * registered, every other is reported with its row number (invalid phone, duplicate of row n).
     */
    ListImportReport importParticipants(UUID eventId, List<ParticipantRow> rows, int firstRow, Actor actor);

    /**
     * Ends a rehearsal: every participant and token of the run-through is deleted and the event becomes the real
     * one, clean. Refused for an event that is not in rehearsal (a real event is never wiped).
     */
    EventView wipeRehearsal(UUID eventId, Actor actor);

    /** Self-registrations waiting for a decision, oldest first, then the decided ones (newest first). */
    List<Registration> registrations(UUID eventId);

    /** Approves (the citizen becomes a participant, by their phone's voter key) or declines a self-registration. */
    Registration decideRegistration(UUID eventId, UUID registrationId, boolean approve, Actor actor);

    /**
     * Sends each participant registered with a phone number, not yet invited, one SMS with the event link
     * ({@code linkBase}: the public site, e.g. https://vote.city.go.kr); sending again reaches only those added since.
     */
    EventInvitations inviteParticipants(UUID eventId, String linkBase, Actor actor);

    /**
     * Issues {@code count} printed secret tokens (1–2000 at a time): the codes come back this once. Issued once the
     * event is under way (not a rehearsal, and its start time passed or a question asked), they are a pending batch
     * that admits nobody until another operator of the event or the department head confirms it.
     */
    IssuedTokens issueTokens(UUID eventId, int count, Actor actor);

    /** The event's token batches waiting for a second person, oldest first. */
    List<TokenBatch> pendingTokenBatches(UUID eventId);

    /**
     * Confirms a pending batch (its tokens admit from now on) or declines it (its tokens are deleted); never by the
     * one who issued it.
     */
    TokenBatch decideTokenBatch(UUID eventId, UUID batchId, boolean confirm, Actor actor);

    /** The event's operators: the creator first, then those assigned. */
    List<EventOperator> operators(UUID eventId);

    /**
     * Assigns a member of staff of the directory as an operator of the event (they act on it with their
     * EVENT_OPERATOR role); by the creator, the head of the event's department, or ADMIN.
     */
    List<EventOperator> assignOperator(UUID eventId, String staffId, Actor actor);

    /** Removes an assigned operator (the creator stays); by the same people who assign. */
    List<EventOperator> unassignOperator(UUID eventId, String staffId, Actor actor);
}
