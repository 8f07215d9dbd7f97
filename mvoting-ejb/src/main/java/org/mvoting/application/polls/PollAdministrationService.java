package org.mvoting.application.polls;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.errors.DepartmentNotFoundException;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.errors.StaffPermissionException;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.Dashboard;
import org.mvoting.api.polls.InvitationProgress;
import org.mvoting.api.polls.ListImportReport;
import org.mvoting.api.polls.ListedNumber;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.PollFilter;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollRecord;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.PollView;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.ResultsVisibility;
import org.mvoting.api.polls.StaffAudience;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.application.messaging.SmsTexts;
import org.mvoting.application.staff.StaffScope;
import org.mvoting.domain.identity.PhoneNumber;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.domain.organization.Department;
import org.mvoting.domain.organization.OrgUnit;
import org.mvoting.domain.organization.StaffMember;
import org.mvoting.application.mileage.MileageAwards;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.poll.Schedule;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.messaging.OutboxRelay;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.BallotLedger.ListedVoter;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.InvitationLedger;
import org.mvoting.infrastructure.persistence.SampleLedger;
import org.mvoting.application.samples.SampleInvitations;
import org.mvoting.domain.sample.SampleDesign;
import org.mvoting.api.errors.InvalidSampleDesignException;
import org.mvoting.infrastructure.persistence.PollRepository;
import org.mvoting.infrastructure.persistence.StaffRepository;
import org.mvoting.infrastructure.persistence.AuditCheckpoints;

/**
 * Department poll administration. Roles are checked by the container on every method and the caller's
 * department by {@link StaffScope}; every change is written to the audit trail in the same transaction.
 */
@Stateless
public class PollAdministrationService implements PollAdministration {

    private static final DateTimeFormatter INVITATION_TIME = DateTimeFormatter.ofPattern("M/d HH:mm")
            .withZone(CitySettings.timeZone());

    @Inject
    private PollRepository polls;

    @Inject
    private AuditCheckpoints checkpoints;

    @Inject
    private StaffRepository staff;

    @Inject
    private BallotLedger ledger;

    @Inject
    private AuditTrail audit;

    @Inject
    private ServerSecrets secrets;

    @Inject
    private StaffScope scope;

    @EJB
    private PollClosing closing;

    @Inject
    private NewPollPushes pushes;

    @Inject
    private StaffPollNotices staffNotices;

    @Inject
    private InvitationLedger invitations;

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private ShortCodes shortCodes;

    @Inject
    private OutboxRelay outbox;

    @Inject
    private StaffCaller caller;

    @Inject
    private SampleLedger sampleLedger;

    @Inject
    private SampleInvitations sampleInvitations;

    @Inject
    private MileageAwards mileage;

    @Override
    @AllowedRoles(Roles.OPERATOR)
    public PollView createPoll(PollDraft draft, Actor actor) {
        Department department = department(draft.departmentCode());
        scope.requireOperatorOf(department);
        Poll poll = Poll.draftedBy(department, draft.kind(), draft.title(), draft.description(),
                new Schedule(draft.opensAt(), draft.closesAt()), draft.audience(), draft.minimumAssurance(),
                draft.resultsVisibility(), caller(), Instant.now());
        draft.questions().forEach(poll::addQuestion);
        poll.offerMileage(draft.mileageWon());
        polls.add(poll);
        audit.record(actor(actor), "poll.create", poll.id(), poll.title() + mileageDetail(poll));
        return PollViews.of(poll);
    }

    @Override
    @AllowedRoles(Roles.OPERATOR)
    public PollView updateDraft(UUID pollId, PollDraft draft, Actor actor) {
        Poll poll = operated(pollId);
        if (!poll.ownerDepartment().code().equals(draft.departmentCode())) {
            throw new InvalidPollException("department-cannot-change");
        }
        poll.redraft(draft.title(), draft.description(), new Schedule(draft.opensAt(), draft.closesAt()),
                draft.audience(), draft.minimumAssurance(), draft.resultsVisibility());
        int mileageBefore = poll.mileageWon();
        poll.offerMileage(draft.mileageWon());
        poll.clearQuestions();
        polls.assignIds(); // old questions go before new ones take their positions
        draft.questions().forEach(poll::addQuestion);
        polls.assignIds();
        audit.record(actor(actor), "poll.edit", pollId, poll.title()
                + (mileageBefore == poll.mileageWon() ? "" : " (mileage " + mileageBefore + " → " + poll.mileageWon() + " won)"));
        return PollViews.of(poll);
    }

    @Override
    @AllowedRoles(Roles.OPERATOR)
    public PollView addQuestion(UUID pollId, QuestionDraft question, Actor actor) {
        Poll poll = operated(pollId);
        poll.addQuestion(question);
        polls.assignIds();
        audit.record(actor(actor), "poll.add-question", pollId, question.text());
        return PollViews.of(poll);
    }

    @Override
    @AllowedRoles(Roles.OPERATOR)
    public PollRecord setStaffAudience(UUID pollId, StaffAudience audience, Actor actor) {
        Poll poll = operated(pollId);
        if (poll.audience() != AudienceType.ORG_UNITS) {
            throw new InvalidPollException("not-staff-audience");
        }
        if (poll.status() != PollStatus.DRAFT) {
            throw new InvalidPollException("audience-frozen");
        }
        Set<String> units = new LinkedHashSet<>(audience.units());
        Set<String> people = new LinkedHashSet<>(audience.people());
        for (String code : units) {
            staff.unit(code).filter(OrgUnit::active).orElseThrow(() -> new InvalidPollException("unknown-unit", code));
        }
        for (String id : people) {
            staff.member(id).filter(StaffMember::active).orElseThrow(() -> new InvalidPollException("unknown-staff", id));
        }
        staff.setAudience(pollId, units, people);
        audit.record(actor(actor), "poll.set-audience", pollId, "units=" + units + " people=" + people.size());
        return record(poll);
    }

    @Override
    @AllowedRoles(Roles.OPERATOR)
    public PollRecord submit(UUID pollId, Actor actor) {
        Poll poll = operated(pollId);
        if (poll.audience() == AudienceType.ORG_UNITS && staff.audienceUnits(pollId).isEmpty()
                && staff.audiencePeople(pollId).isEmpty()) {
            throw new InvalidPollException("staff-audience-empty");
        }
        if (poll.audience() == AudienceType.PANEL_SAMPLE && sampleLedger.design(pollId).isEmpty()) {
            throw new InvalidSampleDesignException("missing");
        }
        // nobody could vote in it: without trust anchors there is no certificate sign-in
        if (poll.minimumAssurance() == AssuranceLevel.CERTIFICATE && CitySettings.certificateTrustAnchors().isEmpty()) {
            throw new InvalidPollException("certificate-sign-in-off");
        }
        poll.submit(caller(), Instant.now());
        audit.record(actor(actor), "poll.submit", pollId, null);
        return record(poll);
    }

    @Override
    @AllowedRoles({Roles.DEPT_HEAD, Roles.EXECUTIVE})
    public PollRecord approve(UUID pollId, Actor actor) {
        Poll poll = existing(pollId);
        StaffMember approver = scope.requireApproverOf(poll.ownerDepartment());
        Instant now = Instant.now();
        poll.approveBy(approver.staffId(), now);
        poll.assignShortCode(shortCodes.next());
        String detail = null;
        Set<String> eligibleStaff = Set.of();
        if (poll.audience() == AudienceType.ORG_UNITS) {
            eligibleStaff = fixStaffAudience(pollId);
            if (eligibleStaff.isEmpty()) {
                throw new InvalidPollException("staff-audience-empty");
            }
            detail = eligibleStaff.size() + " staff eligible";
        }
        if (poll.audience() == AudienceType.PANEL_SAMPLE) {
            // the approval fixes the design: the draw happens now, with the seed recorded, and ranks 1..target are invited
            SampleDesign design = sampleLedger.design(pollId).orElseThrow(() -> new InvalidSampleDesignException("missing"));
            detail = "panel sample drawn: " + sampleInvitations.drawAndInvite(poll, design, now) + " invited";
        }
        audit.record(actor(actor), "poll.approve", pollId, detail);
        if (NewPollPushes.notifiesCitizens(poll)) {
            audit.record(actor(actor), "poll.push", pollId, "app installations notified: " + pushes.enqueue(poll, now));
        }
        if (StaffPollNotices.notifiesStaff(poll)) {
            // written here, delivered by the outbox after the commit; a poll opening later is told by the timer
            audit.record(actor(actor), "poll.staff-notice", pollId, "staff notified now: "
                    + staffNotices.noteAndSendIfOpen(poll, eligibleStaff, now));
        }
        return record(poll);
    }

    /** Resolves units and people into voter keys once: who is in the audience at publication may vote. */
    private Set<String> fixStaffAudience(UUID pollId) {
        List<OrgUnit> units = staff.audienceUnits(pollId).stream().map(staff::unit)
                .flatMap(java.util.Optional::stream).toList();
        Set<String> eligible = new LinkedHashSet<>(staff.activeStaffIdsUnder(units));
        staff.audiencePeople(pollId).stream().filter(id -> staff.member(id).map(StaffMember::active).orElse(false))
                .forEach(eligible::add);
        ledger.clearListedVoters(pollId);
        // shuffled: row order in the table must not follow the directory's order of people
        List<ListedVoter> keys = new ArrayList<>(eligible.stream().map(secrets::staffVoterKey).map(ListedVoter::staff).toList());
        java.util.Collections.shuffle(keys, secrets.random());
        ledger.addListedVoters(pollId, keys);
        return eligible;
    }

    @Override
    @AllowedRoles({Roles.DEPT_HEAD, Roles.EXECUTIVE})
    public PollRecord reject(UUID pollId, String reason, Actor actor) {
        Poll poll = existing(pollId);
        StaffMember approver = scope.requireApproverOf(poll.ownerDepartment());
        poll.rejectBy(approver.staffId(), reason);
        audit.record(actor(actor), "poll.reject", pollId, poll.rejectionReason());
        return record(poll);
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE})
    public ResultsView close(UUID pollId, Actor actor) {
        scope.requireManagerOf(existing(pollId).ownerDepartment());
        return closing.close(pollId, actor(actor));
    }

    @Override
    @AllowedRoles({Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.ADMIN})
    public PollRecord remove(UUID pollId, String reason, Actor actor) {
        Poll poll = existing(pollId);
        if (!caller.hasRole(Roles.ADMIN)) {
            scope.requireApproverOf(poll.ownerDepartment());
        }
        // wait for ballots in flight (they hold the poll's shared lock): no award may land after the reversals
        locks.exclusive(AdvisoryLocks.Space.POLL, pollId);
        polls.refresh(poll);
        poll.removeByCity(caller(), reason);
        audit.record(actor(actor), "poll.remove", pollId, poll.removalReason());
        mileage.reverseAll(pollId, actor(actor), java.time.LocalDate.now(CitySettings.timeZone()));
        return record(poll);
    }

    /** " (mileage N won)" for the audit of a poll that pays, else nothing. */
    private static String mileageDetail(Poll poll) {
        return poll.mileageWon() > 0 ? " (mileage " + poll.mileageWon() + " won)" : "";
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE})
    public PollRecord extend(UUID pollId, Instant newClosesAt, Actor actor) {
        Poll poll = existing(pollId);
        scope.requireManagerOf(poll.ownerDepartment());
        Instant before = poll.schedule().closesAt();
        poll.extendUntil(newClosesAt, Instant.now());
        audit.record(actor(actor), "poll.extend", pollId, before + " → " + newClosesAt);
        return record(poll);
    }

    @Override
    @AllowedRoles(Roles.OPERATOR)
    public PollView duplicate(UUID pollId, Actor actor) {
        Poll original = operated(pollId);
        Poll copy = original.duplicate(caller(), Instant.now());
        polls.add(copy);
        if (original.audience() == AudienceType.ORG_UNITS) {
            staff.setAudience(copy.id(), staff.audienceUnits(pollId), staff.audiencePeople(pollId));
        }
        audit.record(actor(actor), "poll.duplicate", copy.id(), "from " + pollId);
        return PollViews.of(copy);
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE})
    public PollRecord quickMeetingPoll(String departmentCode, QuestionDraft question, int minutes, int joinMinutes,
                                       Actor actor) {
        Department department = department(departmentCode);
        // it opens without a separate approval: the department's operator or its approvers put the question themselves
        scope.requireManagerOf(department);
        if (minutes < 1 || minutes > MEETING_MAX_MINUTES) {
            throw new InvalidPollException("quick-minutes", MEETING_MAX_MINUTES);
        }
        if (joinMinutes < 1 || joinMinutes > minutes) {
            throw new InvalidPollException("meeting-join-minutes", minutes);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String title = question.text().strip().length() <= PollDraft.TITLE_LENGTH ? question.text()
                : question.text().strip().substring(0, PollDraft.TITLE_LENGTH - 1) + "…";
        Poll poll = Poll.draftedBy(department, PollKind.CITY_TO_STAFF, title, null,
                new Schedule(now, now.plus(Duration.ofMinutes(minutes))), AudienceType.ORG_UNITS,
                AssuranceLevel.SMS_VERIFIED, ResultsVisibility.LIVE, caller(), now);
        poll.addQuestion(question);
        // The room is whoever is there: the audience starts empty and each signed-in member of staff who opens the
        // link within the join window joins it (BallotBoxService), so a link forwarded out of the room later is refused.
        poll.admitJoinersUntil(now.plus(Duration.ofMinutes(joinMinutes)));
        polls.add(poll);
        poll.submit(caller(), now);
        poll.approveBy(caller(), now);
        poll.assignShortCode(shortCodes.next());
        audit.record(actor(actor), "poll.quick-open", poll.id(), minutes + " min, joining " + joinMinutes + " min: "
                + poll.title());
        return record(poll);
    }

    @Override
    @AllowedRoles(Roles.OPERATOR)
    public int listVoters(UUID pollId, List<String> phoneNumbers, boolean replaceExisting, Actor actor) {
        Poll poll = listable(pollId);
        Map<String, ListedVoter> keys = new LinkedHashMap<>();
        for (String typed : phoneNumbers) {
            PhoneNumber phone = PhoneNumber.parse(typed);
            keys.computeIfAbsent(phone.e164(), e164 -> listedCitizen(phone));
        }
        backToApprovalIfApproved(poll, actor);
        changeList(pollId, shuffled(keys.values()), replaceExisting);
        int listed = ledger.countListedVoters(pollId);
        audit.record(actor(actor), replaceExisting ? "poll.list-voters" : "poll.add-listed-voters", pollId,
                keys.size() + " numbers given, " + listed + " listed");
        return listed;
    }

    @Override
    @AllowedRoles(Roles.OPERATOR)
    public ListImportReport importListedVoters(UUID pollId, List<String> values, int firstRow, boolean replaceExisting,
                                               Actor actor) {
        Poll poll = listable(pollId);
        Map<String, Integer> firstSeen = new LinkedHashMap<>();
        Map<String, ListedVoter> keys = new LinkedHashMap<>();
        List<ListImportReport.RowProblem> invalid = new ArrayList<>();
        List<ListImportReport.RowProblem> duplicates = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            int row = firstRow + i;
            String value = values.get(i) == null ? "" : values.get(i).strip();
            String shown = value.length() > 40 ? value.substring(0, 40) : value;
            PhoneNumber phone;
            try {
                phone = PhoneNumber.parse(value);
            } catch (org.mvoting.api.errors.InvalidPhoneNumberException e) {
                invalid.add(new ListImportReport.RowProblem(row, shown, "phone-invalid"));
                continue;
            }
            Integer earlier = firstSeen.putIfAbsent(phone.e164(), row);
            if (earlier != null) {
                duplicates.add(new ListImportReport.RowProblem(row, shown, "duplicate-of-row-" + earlier));
                continue;
            }
            keys.put(phone.e164(), listedCitizen(phone));
        }
        backToApprovalIfApproved(poll, actor);
        int before = replaceExisting ? 0 : ledger.countListedVoters(pollId);
        changeList(pollId, shuffled(keys.values()), replaceExisting);
        int listed = ledger.countListedVoters(pollId);
        audit.record(actor(actor), "poll.import-listed-voters", pollId, values.size() + " rows, " + keys.size()
                + " usable, " + invalid.size() + " invalid, " + duplicates.size() + " duplicates, " + listed + " listed");
        return new ListImportReport(values.size(), listed - before, listed, invalid, duplicates);
    }

    @Override
    @AllowedRoles(Roles.OPERATOR)
    public InvitationProgress inviteListedVoters(UUID pollId, String linkBase, Actor actor) {
        Poll poll = operated(pollId);
        if (poll.audience() != AudienceType.LISTED) {
            throw new InvalidPollException("not-listed-audience");
        }
        if (poll.status() != PollStatus.OPEN) {
            throw new InvalidPollException("invitations-need-open-poll");
        }
        Instant now = Instant.now();
        String title = poll.title().length() > 40 ? poll.title().substring(0, 39) + "…" : poll.title();
        String text = SmsTexts.text(Locale.KOREAN, "invitation.poll", poll.ownerDepartment().name(), title,
                pollLink(poll, linkBase), INVITATION_TIME.format(poll.schedule().closesAt()));
        String campaign = "invitation:" + pollId;
        // two clicks, two operators or a retried request: the second waits and then finds nothing left to send
        locks.exclusive(AdvisoryLocks.Space.PHONE_LIST, pollId);
        int queued = 0;
        for (InvitationLedger.Invitee invitee : invitations.toInvite(pollId, false)) {
            PhoneNumber phone = secrets.openPhone(invitee.phoneSealed()).orElseThrow(() ->
                    new IllegalStateException("A listed number cannot be decrypted: was MVOTING_SECRET changed?"));
            OutboxMessage sms = OutboxMessage.campaignSms(phone.e164(), secrets.sealPhone(phone), text, campaign, now);
            outbox.enqueue(sms);
            invitations.recordInvitation(pollId, invitee.voterKey(), sms.id());
            queued++;
        }
        audit.record(actor(actor), "poll.invite-listed", pollId, queued + " invitations queued");
        return invitations.progress(pollId);
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR})
    public InvitationProgress invitationProgress(UUID pollId) {
        scope.requireReaderOf(existing(pollId).ownerDepartment());
        return invitations.progress(pollId);
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR})
    public PageOf<ListedNumber> listedNumbers(UUID pollId, int page, int size) {
        scope.requireReaderOf(existing(pollId).ownerDepartment());
        int pageSize = Math.max(1, Math.min(size, 200));
        page = Math.max(0, Math.min(page, 100_000)); // a list holds a few thousand numbers; no offset overflow
        return new PageOf<>(invitations.numbers(pollId, page * pageSize, pageSize), page, pageSize,
                invitations.countListed(pollId));
    }

    /** The poll's short link on the public site, whose address the web tier knows (see ShortLinkServlet.publicBase). */
    private static String pollLink(Poll poll, String linkBase) {
        if (linkBase == null || linkBase.isBlank()) {
            throw new IllegalArgumentException("linkBase");
        }
        String base = linkBase.endsWith("/") ? linkBase.substring(0, linkBase.length() - 1) : linkBase;
        return poll.shortCode() != null ? base + "/p/" + poll.shortCode() : base + "/m/#/polls/" + poll.id();
    }

    /**
     * Four eyes on a LISTED list: the approver approved this list, so a change after approval (replacing it, adding to
     * it, typed or imported) sends the poll back to them, and nobody votes until they approve again. Once its voting
     * has begun the approved list stays: {@code listed-voters-locked}.
     */
    private void backToApprovalIfApproved(Poll poll, Actor actor) {
        if (poll.status() != PollStatus.OPEN) {
            return;
        }
        String approvedBy = poll.decidedBy();
        poll.listChangedAfterApproval(caller(), Instant.now());
        audit.record(actor(actor), "poll.back-to-approval", poll.id(), "voter list changed by " + caller()
                + " after approval by " + approvedBy);
    }

    /** One change of a phone list at a time per poll, and none while its invitations are being written. */
    private void changeList(UUID pollId, List<ListedVoter> voters, boolean replaceExisting) {
        locks.exclusive(AdvisoryLocks.Space.PHONE_LIST, pollId);
        if (replaceExisting) {
            ledger.replaceListedVoters(pollId, voters);
        } else {
            ledger.addListedVoters(pollId, voters);
        }
    }

    /** A listed citizen: the key that votes, and the number kept encrypted (for the invitation) and masked. */
    private ListedVoter listedCitizen(PhoneNumber phone) {
        return new ListedVoter(secrets.voterKey(phone), secrets.sealPhone(phone), phone.masked());
    }

    /** Row order in the table must not follow the order of the uploaded file. */
    private List<ListedVoter> shuffled(java.util.Collection<ListedVoter> voters) {
        List<ListedVoter> list = new ArrayList<>(voters);
        java.util.Collections.shuffle(list, secrets.random());
        return list;
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR})
    public ResultsView results(UUID pollId) {
        Poll poll = existing(pollId);
        scope.requireReaderOf(poll.ownerDepartment());
        return poll.status() == PollStatus.CLOSED
                ? PollViews.results(poll, ledger.finalTally(pollId), true)
                        .withCheckpoint(checkpoints.forPoll(pollId).orElse(null))
                : PollViews.results(poll, ledger.liveTally(pollId), false);
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR})
    public PollRecord record(UUID pollId) {
        Poll poll = existing(pollId);
        scope.requireReaderOf(poll.ownerDepartment());
        return record(poll);
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR})
    public PollView poll(UUID pollId) {
        Poll poll = existing(pollId);
        scope.requireReaderOf(poll.ownerDepartment());
        return PollViews.of(poll);
    }

    @Override
    @AllowedRoles({Roles.STAFF, Roles.AUDITOR})
    public PageOf<PollRecord> listPolls(PollFilter filter, int page, int size) {
        PollFilter f = filter == null ? PollFilter.any() : filter;
        int pageSize = Math.max(1, Math.min(size, 100));
        int pageNo = Math.min(Math.max(0, page), 100_000);
        Set<String> departments;
        PollStatus status = f.status();
        if (f.awaitingMyApproval()) {
            departments = approvableDepartments();
            status = PollStatus.PENDING_APPROVAL;
        } else {
            departments = scope.seesEveryDepartment() ? null : scope.managedDepartmentCodes();
        }
        if (f.departmentCode() != null && !f.departmentCode().isBlank()) {
            departments = departments == null ? Set.of(f.departmentCode())
                    : departments.contains(f.departmentCode()) ? Set.of(f.departmentCode()) : Set.of();
        }
        List<PollRecord> items = polls.page(status, f.kind(), departments, f.text(), pageNo * pageSize, pageSize)
                .stream().map(this::record).toList();
        return new PageOf<>(items, pageNo, pageSize, polls.count(status, f.kind(), departments, f.text()));
    }

    private Set<String> approvableDepartments() {
        if (!caller.hasRole(Roles.DEPT_HEAD) && !caller.hasRole(Roles.EXECUTIVE)) {
            return Set.of();
        }
        return scope.managedDepartmentCodes();
    }

    @Override
    @AllowedRoles({Roles.STAFF, Roles.AUDITOR})
    public Dashboard dashboard() {
        StaffMember me = scope.caller();
        OrgUnit department = scope.departmentOf(me).orElse(null);
        String code = department == null ? null : department.code();
        List<PollRecord> awaiting = listPolls(new PollFilter(null, null, null, null, true), 0, 20).items();
        LocalDate cityToday = LocalDate.now(CitySettings.timeZone());
        return new Dashboard(code, department == null ? null : department.name(),
                code == null ? Map.of() : polls.countByStatus(code), code == null ? 0 : polls.ballotsOn(code, cityToday),
                awaiting);
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR})
    public List<Long> turnoutByHour(UUID pollId) {
        Poll poll = existing(pollId);
        scope.requireReaderOf(poll.ownerDepartment());
        Map<Instant, Long> byHour = polls.ballotsByHour(pollId);
        Instant first = poll.schedule().opensAt().truncatedTo(ChronoUnit.HOURS);
        Instant last = byHour.keySet().stream().max(Instant::compareTo).orElse(first);
        List<Long> series = new ArrayList<>();
        for (Instant hour = first; !hour.isAfter(last) && series.size() < 24 * 62; hour = hour.plus(Duration.ofHours(1))) {
            series.add(byHour.getOrDefault(hour, 0L));
        }
        return series;
    }

    private PollRecord record(Poll poll) {
        Department d = poll.ownerDepartment();
        return new PollRecord(poll.id(), poll.kind(), poll.status(), poll.title(), d == null ? null : d.code(),
                d == null ? null : d.name(), poll.schedule().opensAt(), poll.schedule().closesAt(), poll.audience(),
                poll.createdBy(), poll.createdAt(), poll.submittedBy(), poll.decidedBy(), poll.rejectionReason(),
                poll.shortCode(), staff.audienceUnits(poll.id()), staff.audiencePeople(poll.id()),
                poll.questions().size(), poll.finalBallots());
    }

    private String caller() {
        return caller.staffId();
    }

    /** The audit names the authenticated caller, whatever name the web tier passed. */
    private Actor actor(Actor given) {
        return new Actor(caller(), given == null ? null : given.source());
    }

    private Department department(String code) {
        Department department = polls.department(code).orElseThrow(() -> new DepartmentNotFoundException(code));
        if (!department.active()) {
            throw new StaffPermissionException("department-inactive", code);
        }
        return department;
    }

    /** A poll of the caller's own department, for its operator. */
    private Poll operated(UUID pollId) {
        Poll poll = existing(pollId);
        scope.requireOperatorOf(poll.ownerDepartment());
        return poll;
    }

    /** A LISTED poll whose list may still change (draft or open), for its department's operator. */
    private Poll listable(UUID pollId) {
        Poll poll = operated(pollId);
        if (poll.audience() != AudienceType.LISTED) {
            throw new InvalidPollException("not-listed-audience");
        }
        if (poll.status() != PollStatus.DRAFT && poll.status() != PollStatus.OPEN) {
            throw new InvalidPollException("listed-voters-frozen");
        }
        return poll;
    }

    private Poll existing(UUID pollId) {
        return polls.find(pollId).filter(p -> p.ownerDepartment() != null)
                .orElseThrow(() -> new PollNotFoundException(pollId));
    }
}
