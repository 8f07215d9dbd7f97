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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.mvoting.api.errors.IllegalPollTransitionException;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.TooManyQuestionsException;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
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

    public static final int MAX_QUESTIONS = 5;
    public static final int TITLE_LENGTH = 200;
    public static final int DESCRIPTION_LENGTH = 4000;

    /** Audiences the ballot engine enforces today; the others are modelled but not yet publishable. */
    private static final List<AudienceType> ENFORCED_AUDIENCES = List.of(AudienceType.OPEN, AudienceType.LISTED);

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

    @Column(nullable = false, length = TITLE_LENGTH)
    private String title;

    @Column(length = DESCRIPTION_LENGTH)
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

    @Column(name = "final_ballots")
    private Long finalBallots;

    @Column(name = "tally_verified")
    private Boolean tallyVerified;

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
        Poll poll = new Poll(kind, title, description, schedule, audience, minimumAssurance, resultsVisibility,
                createdBy, now);
        poll.ownerDepartment = Objects.requireNonNull(department, "department");
        return poll;
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
        if (questions.size() >= MAX_QUESTIONS) {
            throw new TooManyQuestionsException(MAX_QUESTIONS);
        }
        Question question = Question.fromDraft(this, questions.size() + 1, draft);
        questions.add(question);
        return question;
    }

    public void submitForApproval() {
        requireStatus(PollStatus.DRAFT, "submit");
        if (questions.isEmpty()) {
            throw new InvalidPollException("no-questions");
        }
        if (!ENFORCED_AUDIENCES.contains(audience)) {
            throw new InvalidPollException("audience-not-supported-yet", audience.name());
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

    public boolean acceptsBallotsAt(Instant moment) {
        return status == PollStatus.OPEN && schedule.contains(moment);
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
