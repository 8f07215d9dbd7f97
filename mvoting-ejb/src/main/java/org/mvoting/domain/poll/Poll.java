package org.mvoting.domain.poll;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.mvoting.api.errors.IllegalPollTransitionException;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.ListedVotersLockedException;
import org.mvoting.api.errors.TooManyQuestionsException;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.ResultsVisibility;
import org.mvoting.domain.organization.Department;

/**
 * The Poll aggregate. It owns its questions and its lifecycle
 * (DRAFT → PENDING_APPROVAL → OPEN → CLOSED, or REMOVED), and it decides what a valid ballot is.
 * Questions can change only while the poll is a draft, so a published poll's ballot rules are fixed.
 */
@Entity
@Table(name = "poll")
public class Poll {

    /** Audiences the ballot engine enforces today; the others are modelled but not yet publishable. */
    private static final List<AudienceType> ENFORCED_AUDIENCES =
            List.of(AudienceType.OPEN, AudienceType.LISTED, AudienceType.ORG_UNITS, AudienceType.PANEL_SAMPLE);
    /** What a citizen's poll may be: public (OPEN), password-protected (PASSWORD) or invite-only (LISTED). */
    public static final List<AudienceType> CITIZEN_AUDIENCES =
            List.of(AudienceType.OPEN, AudienceType.PASSWORD, AudienceType.LISTED);
    /** Who proposed a citizen's poll, as far as the record says (the citizen is owner_citizen_id). */
    public static final String CITIZEN_PROPOSER = "citizen";
    public static final int REJECTION_REASON_LENGTH = org.mvoting.api.polls.PollAdministration.REASON_LENGTH;
    /** How long an event question without a countdown stays open at most: a day in the hall. */
    public static final java.time.Duration EVENT_QUESTION_LONGEST = java.time.Duration.ofHours(12);

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private PollKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_department_id")
    private Department ownerDepartment;

    @Column(name = "owner_citizen_id")
    private UUID ownerCitizenId;

    /** The on-site event whose question this is (kind EVENT). */
    @Column(name = "owner_event_id")
    private UUID ownerEventId;

    @Column(nullable = false, length = PollDraft.TITLE_LENGTH)
    private String title;

    @Column(length = PollDraft.DESCRIPTION_LENGTH)
    private String description;

    @Embedded
    private Schedule schedule;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private PollStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "audience_type", nullable = false, length = 24)
    private AudienceType audience;

    @Enumerated(EnumType.STRING)
    @Column(name = "min_assurance", nullable = false, length = 24)
    private AssuranceLevel minimumAssurance;

    @Enumerated(EnumType.STRING)
    @Column(name = "results_visibility", nullable = false, length = 24)
    private ResultsVisibility resultsVisibility;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "submitted_by", length = 100)
    private String submittedBy;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "decided_by", length = 100)
    private String decidedBy;

    @Column(name = "rejection_reason", length = REJECTION_REASON_LENGTH)
    private String rejectionReason;

    @Column(name = "short_code", length = 16, unique = true)
    private String shortCode;

    @Column(name = "final_ballots")
    private Long finalBallots;

    @Column(name = "tally_verified")
    private Boolean tallyVerified;

    /** Set while a citizen's poll is hidden pending review (too many reports): not listed, no ballots. */
    @Column(name = "hidden_at")
    private Instant hiddenAt;

    /** Won a signed-in citizen earns by answering (0: none); only a city-to-citizen poll pays, and only as a draft is it set. */
    @Column(name = "mileage_won", nullable = false)
    private int mileageWon;

    /** Why a moderator (or, for a city poll, its department) removed it; the proposer sees this. */
    @Column(name = "removal_reason", length = REJECTION_REASON_LENGTH)
    private String removalReason;

    /** A meeting room's poll: staff who open its link before this moment join its audience; null for every other poll. */
    @Column(name = "join_closes_at")
    private Instant joinClosesAt;

    @Version
    private long version;

    @OneToMany(mappedBy = "poll", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<Question> questions = new ArrayList<>();

    protected Poll() {
    }

    private Poll(PollKind kind, String title, String description, Schedule schedule, AudienceType audience,
                 AssuranceLevel minimumAssurance, ResultsVisibility resultsVisibility, String createdBy,
                 Instant now) {
        this.id = UUID.randomUUID();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.title = requireText(title, "title-required");
        this.description = description == null || description.isBlank() ? null : description.strip();
        this.schedule = Objects.requireNonNull(schedule, "schedule");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.minimumAssurance = Objects.requireNonNull(minimumAssurance, "minimumAssurance");
        this.resultsVisibility = Objects.requireNonNull(resultsVisibility, "resultsVisibility");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy");
        this.createdAt = Objects.requireNonNull(now, "now");
        this.status = PollStatus.DRAFT;
    }

    /** A draft poll registered by a department (city to citizens, or city to staff). */
    public static Poll draftedBy(Department department, PollKind kind, String title, String description,
                                 Schedule schedule, AudienceType audience, AssuranceLevel minimumAssurance,
                                 ResultsVisibility resultsVisibility, String createdBy, Instant now) {
        if (kind == PollKind.CITIZEN_TO_CITIZEN) {
            throw new InvalidPollException("kind-not-for-department");
        }
        // Staff polls are for an org-chart audience and nothing else; org-chart audiences are for staff polls.
        if ((kind == PollKind.CITY_TO_STAFF) != (audience == AudienceType.ORG_UNITS)) {
            throw new InvalidPollException("audience-does-not-fit-kind", audience.name(), kind.name());
        }
        requirePanelFits(kind, audience);
        Poll poll = new Poll(kind, title, description, schedule, audience, minimumAssurance, resultsVisibility,
                createdBy, now);
        poll.ownerDepartment = Objects.requireNonNull(department, "department");
        return poll;
    }

    /** The panel samples citizens for the city: a PANEL_SAMPLE audience is for city-to-citizen polls only. */
    private static void requirePanelFits(PollKind kind, AudienceType audience) {
        if (audience == AudienceType.PANEL_SAMPLE && kind != PollKind.CITY_TO_CITIZEN) {
            throw new InvalidPollException("audience-does-not-fit-kind", audience.name(), kind.name());
        }
    }

    /**
     * A citizen's own poll: public, password-protected or invite-only; voters sign in with their phone, exactly as
     * for city polls. It is published by its proposer ({@link #publishByProposer}), not approved by a department.
     */
    public static Poll proposedByCitizen(UUID citizenId, String title, String description, Schedule schedule,
                                         AudienceType audience, ResultsVisibility resultsVisibility, Instant now) {
        if (!CITIZEN_AUDIENCES.contains(Objects.requireNonNull(audience, "audience"))) {
            throw new InvalidPollException("audience-not-for-citizens", audience.name());
        }
        Poll poll = new Poll(PollKind.CITIZEN_TO_CITIZEN, title, description, schedule, audience,
                AssuranceLevel.SMS_VERIFIED, resultsVisibility, CITIZEN_PROPOSER, now);
        poll.ownerCitizenId = Objects.requireNonNull(citizenId, "citizenId");
        return poll;
    }

    /**
     * A question asked in an on-site event: one question, for the event's participants (the same voter keys as their
     * SMS sign-in or the token that admitted them). It waits prepared until the operator opens it.
     */
    public static Poll askedAtEvent(UUID eventId, QuestionDraft question, String operator, Instant now) {
        Poll poll = new Poll(PollKind.EVENT, clip(question.text(), PollDraft.TITLE_LENGTH), null,
                new Schedule(now, now.plus(EVENT_QUESTION_LONGEST)), AudienceType.EVENT_PARTICIPANTS,
                AssuranceLevel.SMS_VERIFIED, ResultsVisibility.AFTER_CLOSE, operator, now);
        poll.ownerEventId = Objects.requireNonNull(eventId, "eventId");
        poll.addQuestion(question);
        return poll;
    }

    /**
     * The event operator opens the question: ballots from now until {@code closesAt} (the countdown) or, without a
     * countdown, until it is closed by hand (at the latest {@link #EVENT_QUESTION_LONGEST} later).
     */
    public void openAtEvent(Instant now, Instant closesAt) {
        if (kind != PollKind.EVENT) {
            throw new IllegalPollTransitionException(kind.name(), "open-at-event");
        }
        requireStatus(PollStatus.DRAFT, "open");
        Instant end = closesAt == null ? now.plus(EVENT_QUESTION_LONGEST) : closesAt;
        schedule = new Schedule(now, end);
        status = PollStatus.OPEN;
        publishedAt = now;
    }

    /** When an open event question's countdown runs out; null without one (open until closed by hand). */
    public Instant countdownEnd() {
        if (kind != PollKind.EVENT || status != PollStatus.OPEN
                || java.time.Duration.between(schedule.opensAt(), schedule.closesAt()).equals(EVENT_QUESTION_LONGEST)) {
            return null;
        }
        return schedule.closesAt();
    }

    public UUID ownerEventId() {
        return ownerEventId;
    }

    private static String clip(String text, int max) {
        String t = text == null ? "" : text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    /**
     * The proposer publishes: it opens at once, or waits for a moderator when screening found something to look at
     * ({@code heldForReview}).
     */
    public void publishByProposer(boolean heldForReview, Instant now) {
        requireStatus(PollStatus.DRAFT, "publish");
        if (kind != PollKind.CITIZEN_TO_CITIZEN) {
            throw new IllegalPollTransitionException(kind.name(), "publish-by-proposer");
        }
        if (questions.isEmpty()) {
            throw new InvalidPollException("no-questions");
        }
        if (schedule.hasEndedBy(now)) {
            throw new InvalidPollException("schedule-in-past");
        }
        submittedBy = CITIZEN_PROPOSER;
        submittedAt = now;
        status = heldForReview ? PollStatus.PENDING_APPROVAL : PollStatus.OPEN;
        publishedAt = heldForReview ? null : now;
    }

    /** A moderator lets a held poll open, or a hidden one show again. */
    public void restoreByModerator(String moderator, Instant now) {
        if (status == PollStatus.REMOVED) {
            throw new IllegalPollTransitionException(status.name(), "restore"); // removal is final; its record stays
        }
        if (status == PollStatus.PENDING_APPROVAL && kind == PollKind.CITIZEN_TO_CITIZEN) {
            if (schedule.hasEndedBy(now)) {
                throw new InvalidPollException("schedule-in-past");
            }
            status = PollStatus.OPEN;
            publishedAt = now;
        } else if (hiddenAt == null) {
            throw new IllegalPollTransitionException(status.name(), "restore");
        }
        hiddenAt = null;
        decidedBy = moderator;
    }

    /** Too many reports: hidden pending review (no listing, no ballots) until a moderator decides. */
    public void hideForReview(Instant now) {
        if (hiddenAt == null && status != PollStatus.REMOVED) {
            hiddenAt = now;
        }
    }

    /** A moderator removes it: it stops taking ballots and leaves every list; its record stays for auditors. */
    public void removeByModerator(String moderator, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidPollException("removal-reason-required");
        }
        if (reason.strip().length() > REJECTION_REASON_LENGTH) {
            throw new InvalidPollException("rejection-reason-too-long", REJECTION_REASON_LENGTH);
        }
        remove();
        removalReason = reason.strip();
        decidedBy = moderator;
    }

    /**
     * The city withdraws one of its published polls (the department's head, an executive above it, or ADMIN): it
     * stops taking ballots and leaves every list; its record stays for auditors, and the mileage it paid is reversed
     * by the caller in the same transaction.
     */
    public void removeByCity(String staffId, String reason) {
        if (ownerDepartment == null) {
            throw new IllegalPollTransitionException(kind.name(), "remove-by-city");
        }
        if (status != PollStatus.OPEN && status != PollStatus.CLOSED) {
            throw new IllegalPollTransitionException(status.name(), "remove");
        }
        removeByModerator(staffId, reason);
    }

    /**
     * Sets what taking part pays a signed-in citizen, while drafting: 0 to {@link PollDraft#MAX_MILEAGE_WON} won, and
     * above 0 only for a city-to-citizen poll (staff, citizens' and event polls pay nothing: the city pays citizens
     * for answering its own questions).
     */
    public void offerMileage(int won) {
        requireStatus(PollStatus.DRAFT, "edit");
        if (won < 0 || won > PollDraft.MAX_MILEAGE_WON) {
            throw new InvalidPollException("mileage-out-of-range", 0, PollDraft.MAX_MILEAGE_WON);
        }
        if (won > 0 && kind != PollKind.CITY_TO_CITIZEN) {
            throw new InvalidPollException("mileage-only-for-citizen-polls", kind.name());
        }
        mileageWon = won;
    }

    /** Won a signed-in citizen earns by answering; 0 when the poll pays nothing. */
    public int mileageWon() {
        return mileageWon;
    }

    /** Whether a ballot from this voter earns mileage: a paying poll, and a signed-in citizen (not staff, not a device). */
    public boolean paysMileageTo(UUID citizenId, boolean staff) {
        return mileageWon > 0 && citizenId != null && !staff;
    }

    public boolean isProposedBy(UUID citizenId) {
        return ownerCitizenId != null && ownerCitizenId.equals(citizenId);
    }

    private static String requireText(String text, String reason) {
        if (text == null || text.isBlank()) {
            throw new InvalidPollException(reason);
        }
        return text.strip();
    }

    /** Adds a question while drafting; a sixth is refused. */
    public Question addQuestion(QuestionDraft draft) {
        requireStatus(PollStatus.DRAFT, "add-question");
        if (questions.size() >= PollDraft.MAX_QUESTIONS) {
            throw new TooManyQuestionsException(PollDraft.MAX_QUESTIONS);
        }
        Question question = Question.fromDraft(this, questions.size() + 1, draft);
        questions.add(question);
        return question;
    }

    /** Rewrites a draft from the operator's form: text, schedule, settings; questions are replaced separately. */
    public void redraft(String newTitle, String newDescription, Schedule newSchedule, AudienceType newAudience,
                        AssuranceLevel newAssurance, ResultsVisibility newVisibility) {
        requireStatus(PollStatus.DRAFT, "edit");
        if ((kind == PollKind.CITY_TO_STAFF) != (newAudience == AudienceType.ORG_UNITS)) {
            throw new InvalidPollException("audience-does-not-fit-kind", newAudience.name(), kind.name());
        }
        requirePanelFits(kind, newAudience);
        this.title = requireText(newTitle, "title-required");
        this.description = newDescription == null || newDescription.isBlank() ? null : newDescription.strip();
        this.schedule = Objects.requireNonNull(newSchedule, "schedule");
        this.audience = newAudience;
        this.minimumAssurance = Objects.requireNonNull(newAssurance, "minimumAssurance");
        this.resultsVisibility = Objects.requireNonNull(newVisibility, "resultsVisibility");
    }

    /** Drops every question of a draft, so the form's questions can replace them. */
    public void clearQuestions() {
        requireStatus(PollStatus.DRAFT, "edit");
        questions.clear();
    }

    /** The operator sends the draft to the department head. */
    public void submit(String operator, Instant now) {
        submitForApproval();
        submittedBy = Objects.requireNonNull(operator, "operator");
        submittedAt = now;
        rejectionReason = null;
    }

    /** The head's approval by name: opens the poll now. */
    public void approveBy(String approver, Instant now) {
        approve(now);
        decidedBy = Objects.requireNonNull(approver, "approver");
    }

    /**
     * A LISTED poll's voter list changed after approval: the approver approved another list, so the poll goes back to
     * them (nobody votes while it waits). Only before its voting begins: once ballots may stand on the approved list,
     * the list is kept as approved ({@link ListedVotersLockedException}).
     */
    public void listChangedAfterApproval(String operator, Instant now) {
        if (audience != AudienceType.LISTED) {
            throw new InvalidPollException("not-listed-audience");
        }
        requireStatus(PollStatus.OPEN, "return-for-approval");
        if (!now.isBefore(schedule.opensAt())) {
            throw new ListedVotersLockedException();
        }
        status = PollStatus.PENDING_APPROVAL;
        submittedBy = Objects.requireNonNull(operator, "operator");
        submittedAt = now;
        decidedBy = null;
    }

    /** The head sends it back with a reason the operator reads. */
    public void rejectBy(String approver, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidPollException("rejection-reason-required");
        }
        if (reason.strip().length() > REJECTION_REASON_LENGTH) {
            throw new InvalidPollException("rejection-reason-too-long", REJECTION_REASON_LENGTH);
        }
        reject();
        decidedBy = Objects.requireNonNull(approver, "approver");
        rejectionReason = reason.strip();
    }

    /** Moves the end of an open poll later (never earlier: that is what close is for). */
    public void extendUntil(Instant newClosesAt, Instant now) {
        requireStatus(PollStatus.OPEN, "extend");
        if (newClosesAt == null || !newClosesAt.isAfter(schedule.closesAt()) || !newClosesAt.isAfter(now)) {
            throw new InvalidPollException("extension-not-later");
        }
        schedule = new Schedule(schedule.opensAt(), newClosesAt);
    }

    /** A fresh draft with this poll's text, settings and questions. */
    public Poll duplicate(String createdBy, Instant now) {
        Poll copy = new Poll(kind, title, description, schedule, audience, minimumAssurance, resultsVisibility,
                createdBy, now);
        copy.ownerDepartment = ownerDepartment;
        copy.ownerCitizenId = ownerCitizenId;
        copy.mileageWon = mileageWon;
        for (Question question : questions) {
            copy.addQuestion(question.toDraft());
        }
        return copy;
    }

    /** The code of the poll's short link (/p/{code}); given once, when the poll opens or is created quick. */
    public void assignShortCode(String code) {
        if (shortCode == null) {
            shortCode = Objects.requireNonNull(code, "code");
        }
    }

    public void submitForApproval() {
        requireStatus(PollStatus.DRAFT, "submit");
        if (questions.isEmpty()) {
            throw new InvalidPollException("no-questions");
        }
        if (!ENFORCED_AUDIENCES.contains(audience)) {
            throw new InvalidPollException("audience-not-supported-yet", audience.name());
        }
        // Without a sign-in nobody can be recognised as listed: device-level polls are open to all.
        if (minimumAssurance == AssuranceLevel.DEVICE && audience != AudienceType.OPEN) {
            throw new InvalidPollException("device-level-needs-open-audience", audience.name());
        }
        // Lists, samples, staff and events name voters by phone or portal ID; a certificate voter has neither key.
        if (minimumAssurance == AssuranceLevel.CERTIFICATE && audience != AudienceType.OPEN) {
            throw new InvalidPollException("certificate-level-needs-open-audience", audience.name());
        }
        status = PollStatus.PENDING_APPROVAL;
    }

    /** The department head's approval: the poll goes live at once (no central team, no waiting). */
    public void approve(Instant now) {
        requireStatus(PollStatus.PENDING_APPROVAL, "approve");
        if (schedule.hasEndedBy(now)) {
            throw new InvalidPollException("schedule-in-past");
        }
        status = PollStatus.OPEN;
        publishedAt = now;
    }

    public void reject() {
        requireStatus(PollStatus.PENDING_APPROVAL, "reject");
        status = PollStatus.DRAFT;
    }

    /** Closes the poll; closing before the scheduled end shortens the schedule to now. */
    public void close(Instant now) {
        requireStatus(PollStatus.OPEN, "close");
        status = PollStatus.CLOSED;
        closedAt = now;
        schedule = schedule.endingNoLaterThan(now);
    }

    /** The recount at close, and whether the live tally agreed with it. */
    public void recordFinalResult(long ballots, boolean liveTallyAgreed) {
        requireStatus(PollStatus.CLOSED, "record-final-result");
        finalBallots = ballots;
        tallyVerified = liveTallyAgreed;
    }

    public void remove() {
        if (status == PollStatus.REMOVED) {
            throw new IllegalPollTransitionException(status.name(), "remove");
        }
        status = PollStatus.REMOVED;
    }

    /**
     * Makes this staff poll a meeting room's: its audience is whoever (signed-in staff) joins before {@code until},
     * which falls within the poll's schedule. Set once, while it is a draft.
     */
    public void admitJoinersUntil(Instant until) {
        Objects.requireNonNull(until, "until");
        if (kind != PollKind.CITY_TO_STAFF || status != PollStatus.DRAFT || joinClosesAt != null) {
            throw new IllegalPollTransitionException(status.name(), "admit-joiners");
        }
        if (until.isAfter(schedule.closesAt())) {
            throw new InvalidPollException("meeting-join-minutes", Duration.between(schedule.opensAt(), schedule.closesAt()).toMinutes());
        }
        joinClosesAt = until;
    }

    public boolean isMeetingRoom() {
        return joinClosesAt != null;
    }

    /** Whether someone opening the meeting room's link at {@code moment} joins its audience (the city's clock, the server's). */
    public boolean admitsJoinerAt(Instant moment) {
        return joinClosesAt != null && moment.isBefore(joinClosesAt);
    }

    /** When a meeting room's join window closes; null for every other poll. */
    public Instant joinClosesAt() {
        return joinClosesAt;
    }

    public boolean acceptsBallotsAt(Instant moment) {
        return status == PollStatus.OPEN && hiddenAt == null && schedule.contains(moment);
    }

    public boolean isHidden() {
        return hiddenAt != null;
    }

    public String removalReason() {
        return removalReason;
    }

    public UUID ownerCitizenId() {
        return ownerCitizenId;
    }

    public boolean isPublished() {
        return status == PollStatus.OPEN || status == PollStatus.CLOSED;
    }

    /** The rules every ballot must meet; only meaningful once questions have ids (after persisting). */
    public BallotRules ballotRules() {
        List<BallotRules.QuestionRule> rules = questions.stream()
                .map(q -> new BallotRules.QuestionRule(q.id(), q.type(), q.minSelections(), q.maxSelections(),
                        q.options().stream().map(AnswerOption::id).toList()))
                .toList();
        return new BallotRules(id, audience, minimumAssurance, rules);
    }

    private void requireStatus(PollStatus required, String action) {
        if (status != required) {
            throw new IllegalPollTransitionException(status.name(), action);
        }
    }

    public UUID id() {
        return id;
    }

    public PollKind kind() {
        return kind;
    }

    public Department ownerDepartment() {
        return ownerDepartment;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public Schedule schedule() {
        return schedule;
    }

    public PollStatus status() {
        return status;
    }

    public AudienceType audience() {
        return audience;
    }

    public AssuranceLevel minimumAssurance() {
        return minimumAssurance;
    }

    public ResultsVisibility resultsVisibility() {
        return resultsVisibility;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String submittedBy() {
        return submittedBy;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public String rejectionReason() {
        return rejectionReason;
    }

    public String shortCode() {
        return shortCode;
    }

    public Instant publishedAt() {
        return publishedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public Long finalBallots() {
        return finalBallots;
    }

    public Boolean tallyVerified() {
        return tallyVerified;
    }

    public List<Question> questions() {
        return Collections.unmodifiableList(questions);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Poll p && id.equals(p.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }
}
