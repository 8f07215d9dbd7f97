package org.mvoting.application.events;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mvoting.api.errors.EventLimitException;
import org.mvoting.api.errors.EventNotRehearsalException;
import org.mvoting.api.errors.EventRegistrationDecidedException;
import org.mvoting.api.errors.InvalidPhoneNumberException;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.events.EventAdministration;
import org.mvoting.api.events.EventDraft;
import org.mvoting.api.events.EventEntry;
import org.mvoting.api.events.EventOperator;
import org.mvoting.api.events.EventInvitations;
import org.mvoting.api.events.EventView;
import org.mvoting.api.events.IssuedTokens;
import org.mvoting.api.events.ParticipantRow;
import org.mvoting.api.events.Registration;
import org.mvoting.api.events.TokenBatch;
import org.mvoting.api.errors.EventNothingPendingException;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.ListImportReport;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.application.messaging.SmsTexts;
import org.mvoting.domain.event.Event;
import org.mvoting.domain.event.FourEyes;
import org.mvoting.domain.event.SecretToken;
import org.mvoting.domain.identity.PhoneNumber;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.EventLedger;
import org.mvoting.infrastructure.persistence.PollRepository;
import org.mvoting.infrastructure.persistence.StaffRepository;

/**
 * On-site events before the day, for event operators: setting an event up, its operators, its participants (imported,
 * invited, self-registered and decided), its printed tokens (those issued once it is under way wait for a second
 * person), and the end of a rehearsal. Each action is for the event's own operators ({@link EventAccess}). How
 * participants come in at the door is {@link EventEntryService}'s.
 */
@Stateless
public class EventAdministrationService implements EventAdministration {

    static final int MAX_TOKENS_PER_ISSUE = 2000;
    private static final String JOIN_ALPHABET = "23456789";

    @Inject
    private EventLedger events;

    @Inject
    private ServerSecrets secrets;

    @Inject
    private AuditTrail audit;

    @Inject
    private StaffCaller caller;

    @Inject
    private PollRepository polls;

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private EventAccess access;

    @Inject
    private StaffRepository staff;

    @Inject
    private org.mvoting.infrastructure.messaging.OutboxRelay outbox;

    private static final java.time.format.DateTimeFormatter INVITATION_TIME = java.time.format.DateTimeFormatter
            .ofPattern("M/d HH:mm").withZone(CitySettings.timeZone());

    @Override
    @AllowedRoles(Roles.EVENT_OPERATOR)
    public EventView createEvent(EventDraft draft, Actor actor) {
        UUID id = UUID.randomUUID();
        events.addEvent(id, newJoinCode(), draft, caller.staffId(), access.departmentOfCaller(), Instant.now());
        audit.record(actor, "event.create", id, draft.title() + (draft.rehearsal() ? " (rehearsal)" : ""));
        return event(id);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.AUDITOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventView event(UUID eventId) {
        return events.event(eventId).orElseThrow(() -> new NotFoundException("event-not-found", eventId));
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.AUDITOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public List<EventView> events() {
        return events.events();
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public ListImportReport importParticipants(UUID eventId, List<ParticipantRow> rows, int firstRow, Actor actor) {
        access.requireOperatorOf(eventId);
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        List<ListImportReport.RowProblem> invalid = new ArrayList<>();
        List<ListImportReport.RowProblem> duplicates = new ArrayList<>();
        int added = 0;
        for (int i = 0; i < rows.size(); i++) {
            int row = firstRow + i;
            ParticipantRow given = rows.get(i);
            String shown = given.phone() == null ? "" : given.phone().strip();
            shown = shown.length() > 40 ? shown.substring(0, 40) : shown;
            PhoneNumber phone;
            try {
                phone = PhoneNumber.parse(given.phone());
            } catch (InvalidPhoneNumberException e) {
                invalid.add(new ListImportReport.RowProblem(row, shown, "phone-invalid"));
                continue;
            }
            Integer earlier = firstSeen.putIfAbsent(phone.e164(), row);
            if (earlier != null) {
                duplicates.add(new ListImportReport.RowProblem(row, shown, "duplicate-of-row-" + earlier));
                continue;
            }
            if (events.addParticipant(eventId, EventTexts.clip(given.name(), EventEntry.NAME_LENGTH),
                    EventTexts.clip(given.group(), EventEntry.NAME_LENGTH), secrets.sealPhone(phone),
                    phone.masked(), secrets.voterKey(phone), "IMPORT")) {
                added++;
            } else {
                duplicates.add(new ListImportReport.RowProblem(row, shown, "already-registered"));
            }
        }
        int registered = (int) events.countParticipants(eventId);
        audit.record(actor, "event.import-participants", eventId, rows.size() + " rows, " + added + " added, "
                + invalid.size() + " invalid, " + duplicates.size() + " duplicates");
        return new ListImportReport(rows.size(), added, registered, invalid, duplicates);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventView wipeRehearsal(UUID eventId, Actor actor) {
        access.requireOperatorOf(eventId);
        EventView before = event(eventId);
        if (!events.wipeRehearsal(eventId)) {
            throw new EventNotRehearsalException();
        }
        resetQuestions(eventId);
        audit.record(actor, "event.wipe-rehearsal", eventId, before.participants() + " participants, "
                + before.tokensIssued() + " tokens deleted");
        return event(eventId);
    }

    /**
     * The run-through's questions leave the event: every question that was asked is removed (the poll stays, removed,
     * as the record of the rehearsal), and one that was prepared beforehand is prepared again, fresh, in its place;
     * questions never asked stay as they are, and those carried forward in the rehearsal go.
     */
    private void resetQuestions(UUID eventId) {
        Instant now = Instant.now();
        List<EventLedger.QuestionRow> asked = events.questions(eventId);
        events.detachQuestions(eventId);
        for (EventLedger.QuestionRow row : asked) {
            Poll poll = polls.find(row.pollId()).orElseThrow();
            if (poll.status() == PollStatus.DRAFT) {
                if (row.carriedFrom() == null) { // chosen by the rehearsal's votes: goes with them
                    events.addQuestion(poll.id(), eventId, row.round(), null, now);
                } else {
                    poll.remove();
                }
                continue;
            }
            // a ballot in flight must not land in a poll being removed
            locks.exclusive(AdvisoryLocks.Space.POLL, poll.id());
            polls.refresh(poll);
            poll.remove();
            if (row.carriedFrom() == null) {
                Poll again = Poll.askedAtEvent(eventId, poll.questions().get(0).toDraft(), caller.staffId(), now);
                polls.add(again);
                polls.assignIds();
                events.addQuestion(again.id(), eventId, row.round(), null, now);
            }
        }
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.AUDITOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public List<Registration> registrations(UUID eventId) {
        event(eventId);
        return events.registrations(eventId);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public Registration decideRegistration(UUID eventId, UUID registrationId, boolean approve, Actor actor) {
        access.requireOperatorOf(eventId);
        EventLedger.RegistrationRow row = events.registration(eventId, registrationId, true)
                .orElseThrow(() -> new NotFoundException("event-registration-not-found", registrationId));
        Registration asked = row.registration();
        if (asked.status() != Registration.Status.PENDING) {
            throw new EventRegistrationDecidedException(asked.status().name());
        }
        Instant now = Instant.now();
        if (approve) {
            // a phone imported meanwhile is that participant already: approving adds nobody twice
            events.addParticipant(eventId, asked.name(), asked.group(), null, null, row.voterKey(), "SELF");
        }
        events.decideRegistration(registrationId, approve ? "APPROVED" : "DECLINED", caller.staffId(), now);
        audit.record(actor, approve ? "event.approve-registration" : "event.decline-registration", eventId,
                asked.name());
        return events.registration(eventId, registrationId, false).orElseThrow().registration();
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public EventInvitations inviteParticipants(UUID eventId, String linkBase, Actor actor) {
        access.requireOperatorOf(eventId);
        EventView event = event(eventId);
        if (linkBase == null || linkBase.isBlank()) {
            throw new IllegalArgumentException("linkBase");
        }
        String title = event.title().length() > 40 ? event.title().substring(0, 39) + "…" : event.title();
        String text = SmsTexts.text(java.util.Locale.KOREAN, "invitation.event", title,
                INVITATION_TIME.format(event.startsAt()), event.venue(),
                linkBase.replaceAll("/+$", "") + "/m/#/events/" + event.joinCode());
        // two clicks or two operators: the second waits, then finds nobody left to invite
        locks.exclusive(AdvisoryLocks.Space.PHONE_LIST, eventId);
        Instant now = Instant.now();
        int queued = 0;
        for (EventLedger.Invitee invitee : events.notInvited(eventId)) {
            PhoneNumber phone = secrets.openPhone(invitee.phoneSealed()).orElseThrow(() ->
                    new IllegalStateException("A participant's number cannot be decrypted: was MVOTING_SECRET changed?"));
            OutboxMessage sms = OutboxMessage.campaignSms(phone.e164(), secrets.sealPhone(phone), text,
                    "event:" + eventId, now);
            outbox.enqueue(sms);
            events.recordInvitation(invitee.participantId(), sms.id());
            queued++;
        }
        audit.record(actor, "event.invite", eventId, queued + " invitations queued");
        long[] counts = events.invitationCounts(eventId);
        return new EventInvitations(queued, counts[0], counts[1], counts[2]);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public IssuedTokens issueTokens(UUID eventId, int count, Actor actor) {
        access.requireOperatorOf(eventId);
        EventView event = event(eventId);
        if (count < 1 || count > MAX_TOKENS_PER_ISSUE) {
            throw new EventLimitException(EventLimitException.Limit.TOKEN_COUNT, MAX_TOKENS_PER_ISSUE);
        }
        Instant now = Instant.now();
        // one console action at a time per event: a question opened meanwhile is seen here
        locks.exclusive(AdvisoryLocks.Space.EVENT, eventId);
        Event hall = events.eventWithQuestions(eventId).orElseThrow(() -> new NotFoundException("event-not-found", eventId));
        UUID batch = null;
        if (hall.isUnderWay(now)) {
            batch = UUID.randomUUID();
            events.addTokenBatch(batch, eventId, count, caller.staffId(), now);
        }
        List<String> codes = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            SecretToken token = SecretToken.random(secrets.random());
            events.addToken(eventId, secrets.tokenCodeHash(token.code()), batch, now);
            codes.add(token.code());
        }
        audit.record(actor, "event.issue-tokens", eventId, count + " tokens"
                + (batch == null ? "" : ", pending batch " + batch + " issued by " + caller.staffId()));
        return new IssuedTokens(eventId, event.joinCode(), codes, batch, batch != null);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.AUDITOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public List<TokenBatch> pendingTokenBatches(UUID eventId) {
        event(eventId);
        return events.pendingTokenBatches(eventId);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public TokenBatch decideTokenBatch(UUID eventId, UUID batchId, boolean confirm, Actor actor) {
        access.requireOperatorOf(eventId);
        TokenBatch batch = events.lockedTokenBatch(eventId, batchId)
                .orElseThrow(() -> new NotFoundException("event-token-batch-not-found", batchId));
        if (batch.status() != TokenBatch.Status.PENDING) {
            throw new EventNothingPendingException();
        }
        if (confirm) {
            FourEyes.requireSecondPerson(batch.issuedBy(), caller.staffId());
        }
        Instant now = Instant.now();
        events.decideTokenBatch(batchId, confirm, caller.staffId(), now);
        audit.record(actor, confirm ? "event.confirm-tokens" : "event.decline-tokens", eventId, "batch " + batchId
                + ": " + batch.tokens() + " tokens issued by " + batch.issuedBy() + ", "
                + (confirm ? "confirmed" : "declined") + " by " + caller.staffId());
        return events.lockedTokenBatch(eventId, batchId).orElseThrow();
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.AUDITOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public List<EventOperator> operators(UUID eventId) {
        return access.operators(event(eventId));
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public List<EventOperator> assignOperator(UUID eventId, String staffId, Actor actor) {
        access.requireAssignerOf(eventId);
        String given = staffId == null ? "" : staffId.strip();
        var member = staff.member(given).filter(org.mvoting.domain.organization.StaffMember::active)
                .orElseThrow(() -> new NotFoundException("staff-member-not-found", given));
        if (events.assign(eventId, member.staffId(), caller.staffId(), Instant.now())) {
            audit.record(actor, "event.assign-operator", eventId, member.staffId() + " assigned by " + caller.staffId());
        }
        return operators(eventId);
    }

    @Override
    @AllowedRoles({Roles.EVENT_OPERATOR, Roles.DEPT_HEAD, Roles.ADMIN})
    public List<EventOperator> unassignOperator(UUID eventId, String staffId, Actor actor) {
        access.requireAssignerOf(eventId);
        String given = staffId == null ? "" : staffId.strip();
        if (events.unassign(eventId, given)) {
            audit.record(actor, "event.unassign-operator", eventId, given + " removed by " + caller.staffId());
        }
        return operators(eventId);
    }

    private String newJoinCode() {
        for (int attempt = 0; attempt < 20; attempt++) {
            StringBuilder code = new StringBuilder();
            for (int i = 0; i < 6; i++) {
                code.append(JOIN_ALPHABET.charAt(secrets.random().nextInt(JOIN_ALPHABET.length())));
            }
            if (!events.joinCodeTaken(code.toString())) {
                return code.toString();
            }
        }
        throw new IllegalStateException("no free join code after 20 tries");
    }
}
