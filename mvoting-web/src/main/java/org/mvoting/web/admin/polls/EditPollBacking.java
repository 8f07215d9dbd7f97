package org.mvoting.web.admin.polls;

import jakarta.ejb.EJB;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.Validator;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollRecord;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.PollView;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.polls.ResultsVisibility;
import org.mvoting.api.polls.StaffAudience;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalTime;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.components.OrgChartPicker;

/**
 * The poll editor (/admin/polls/edit.xhtml; a new draft without {@code id}). Everything typed stays in
 * this view-scoped bean until the service accepts it, so a refusal never loses the form. The department
 * is always the operator's own.
 */
@Named
@ViewScoped
public class EditPollBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PollAdministration administration;

    @Inject
    private PortalUser user;

    /** A staff poll's audience: units of the org chart and people (the same view-scoped bean the page draws). */
    @Inject
    private OrgChartPicker orgChart;

    private transient Validator validator;

    private String id;
    private UUID pollId;
    private PollStatus status;
    private String departmentCode;
    private String departmentName;
    private boolean loaded;
    private boolean usable;

    private String title;
    private String description;
    private PollKind kind = PollKind.CITY_TO_CITIZEN;
    private LocalDateTime opensAt;
    private LocalDateTime closesAt;
    private AudienceType audience = AudienceType.OPEN;
    private AssuranceLevel minimumAssurance = AssuranceLevel.SMS_VERIFIED;
    private ResultsVisibility resultsVisibility = ResultsVisibility.AFTER_VOTING;
    /** Won a signed-in citizen earns by answering; 0 unless the operator marks a city poll for citizens as a policy poll. */
    private int mileageWon;
    private final List<QuestionForm> questions = new ArrayList<>();

    public EditPollBacking() {
    }

    /** An editor choosing a staff audience with this picker (for tests; CDI injects the view's own). */
    EditPollBacking(OrgChartPicker orgChart) {
        this.orgChart = orgChart;
    }

    /** The f:viewAction: an existing draft, or a new one with sensible defaults. */
    public void load() {
        if (loaded) {
            return;
        }
        loaded = true;
        if (id == null || id.isBlank()) {
            startNew();
        } else {
            open(parse(id));
        }
        usable = true; // not after a refusal: the page then shows only the message
    }

    private void startNew() {
        departmentCode = user.getDepartmentCode();
        departmentName = user.getUnitName();
        if (departmentCode == null) {
            PortalMessages.error(null, "edit.noDepartment");
        }
        // Open from now: the head's approval then opens the poll at once (a later start can be typed in).
        LocalDateTime now = LocalDateTime.now(PortalTime.zone()).truncatedTo(ChronoUnit.MINUTES);
        opensAt = now;
        closesAt = now.plus(Duration.ofDays(7));
        questions.add(new QuestionForm());
    }

    private void open(UUID existing) {
        PollView poll = administration.poll(existing);
        PollRecord record = administration.record(existing);
        pollId = existing;
        status = record.status();
        departmentCode = record.departmentCode();
        departmentName = record.departmentName();
        title = poll.title();
        description = poll.description();
        kind = poll.kind();
        opensAt = PortalTime.local(poll.opensAt());
        closesAt = PortalTime.local(poll.closesAt());
        audience = poll.audience();
        minimumAssurance = poll.minimumAssurance();
        resultsVisibility = poll.resultsVisibility();
        mileageWon = poll.mileageWon();
        poll.questions().forEach(q -> questions.add(QuestionForm.of(q)));
        if (questions.isEmpty()) {
            questions.add(new QuestionForm());
        }
        orgChart.preselect(record.audienceUnits(), record.audiencePeople());
        if (status != PollStatus.DRAFT) {
            PortalMessages.error(null, "edit.notDraft");
        }
    }

    private static UUID parse(String raw) {
        try {
            return UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            throw new PollNotFoundException(raw.length() > 40 ? raw.substring(0, 40) : raw);
        }
    }

    // --- actions -------------------------------------------------------------------------------

    /** 임시 저장: creates or updates the draft, then shows it under its own URL. */
    public String saveDraft() {
        if (!save()) {
            return null;
        }
        keepMessages();
        PortalMessages.info("edit.saved");
        return "/admin/polls/edit.xhtml?faces-redirect=true&id=" + pollId;
    }

    /** 승인 요청: saves what is on the screen, then sends it to the department head. */
    public String submit() {
        if (!save()) {
            return null;
        }
        administration.submit(pollId, user.actor());
        keepMessages();
        PortalMessages.info("edit.submitted");
        return "/admin/polls/view.xhtml?faces-redirect=true&id=" + pollId;
    }

    private boolean save() {
        if (!isEditable()) {
            PortalMessages.error(null, "edit.notDraft");
            return false;
        }
        if (!checked()) {
            return false;
        }
        PollDraft draft = draft();
        if (pollId == null) {
            pollId = administration.createPoll(draft, user.actor()).id();
            id = pollId.toString();
            status = PollStatus.DRAFT;
        } else {
            administration.updateDraft(pollId, draft, user.actor());
        }
        if (isStaffPoll()) {
            // A draft created before a refused audience stays; the next save updates it.
            administration.setStaffAudience(pollId, staffAudience(), user.actor());
        }
        return true;
    }

    PollDraft draft() {
        List<QuestionDraft> drafts = questions.stream().map(QuestionForm::toDraft).toList();
        return new PollDraft(departmentCode, kind, title == null ? null : title.strip(),
                description == null || description.isBlank() ? null : description.strip(),
                PortalTime.instant(opensAt), PortalTime.instant(closesAt), isStaffPoll() ? AudienceType.ORG_UNITS : audience,
                minimumAssurance, resultsVisibility, drafts, isMileageOffered() ? mileageWon : 0);
    }

    StaffAudience staffAudience() {
        return new StaffAudience(orgChart.topmostSelectedUnits(), orgChart.getSelectedStaffIds());
    }

    /** What the page can say before asking the service, said next to the form (PollDraftChecks). */
    private boolean checked() {
        return PollDraftChecks.say(PollDraftChecks.problems(draft(), departmentCode != null,
                opensAt != null && closesAt != null, validator()));
    }

    private Validator validator() {
        if (validator == null) {
            validator = CDI.current().select(Validator.class).get();
        }
        return validator;
    }

    private static void keepMessages() {
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
    }

    public void addQuestion() {
        if (questions.size() < PollDraft.MAX_QUESTIONS) {
            questions.add(new QuestionForm());
        }
    }

    public void removeQuestion(int index) {
        if (questions.size() > 1 && index >= 0 && index < questions.size()) {
            questions.remove(index);
        }
    }

    /** A staff poll's audience is the org chart; a citizen poll's is open or a phone list. */
    public void kindChanged() {
        if (!isMileageOffered()) {
            mileageWon = 0;
        }
        if (isStaffPoll()) {
            audience = AudienceType.ORG_UNITS;
            orgChart.show();
        } else if (audience == AudienceType.ORG_UNITS) {
            audience = AudienceType.OPEN;
        }
    }

    // --- what the page reads --------------------------------------------------------------------

    /** Only a city poll for citizens may pay mileage (the service refuses any other). */
    public boolean isMileageOffered() {
        return kind == PollKind.CITY_TO_CITIZEN;
    }

    /** A policy poll pays participation mileage: ticking it offers the city's standard amount, unticking pays nothing. */
    public boolean isPolicyPoll() {
        return mileageWon > 0;
    }

    public void setPolicyPoll(boolean policy) {
        mileageWon = !policy ? 0 : mileageWon > 0 ? mileageWon : PollDraft.POLICY_MILEAGE_WON;
    }

    public int getMileageWon() {
        return mileageWon;
    }

    public void setMileageWon(int mileageWon) {
        this.mileageWon = mileageWon;
    }

    public boolean isUsable() {
        return usable;
    }

    /** Only a draft can change; a new poll is a draft until saved. */
    public boolean isEditable() {
        return usable && (status == null || status == PollStatus.DRAFT) && departmentCode != null;
    }

    public boolean isCreating() {
        return pollId == null;
    }

    public boolean isStaffPoll() {
        return kind == PollKind.CITY_TO_STAFF;
    }

    public boolean isCanAddQuestion() {
        return questions.size() < PollDraft.MAX_QUESTIONS;
    }

    public boolean isCanRemoveQuestion() {
        return questions.size() > 1;
    }

    public int getMaxQuestions() {
        return PollDraft.MAX_QUESTIONS;
    }

    public List<PollKind> getKinds() {
        return List.of(PollKind.CITY_TO_CITIZEN, PollKind.CITY_TO_STAFF);
    }

    public List<AudienceType> getCitizenAudiences() {
        return List.of(AudienceType.OPEN, AudienceType.LISTED);
    }

    public List<AssuranceLevel> getAssuranceLevels() {
        // CERTIFICATE only where the city set up certificate sign-in (or a draft already asks for it)
        if (CitySettings.certificateTrustAnchors().isPresent() || minimumAssurance == AssuranceLevel.CERTIFICATE) {
            return Arrays.asList(AssuranceLevel.values());
        }
        return List.of(AssuranceLevel.DEVICE, AssuranceLevel.SMS_VERIFIED);
    }

    public List<ResultsVisibility> getVisibilities() {
        return Arrays.asList(ResultsVisibility.values());
    }

    public List<QuestionType> getQuestionTypes() {
        return List.of(QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.YES_NO,
                QuestionType.SCALE, QuestionType.RANKING);
    }

    public List<QuestionForm> getQuestions() {
        return questions;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getPollId() {
        return pollId == null ? null : pollId.toString();
    }

    public PollStatus getStatus() {
        return status;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public String getDepartmentName() {
        return departmentName == null || departmentName.isBlank() ? departmentCode : departmentName;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public PollKind getKind() {
        return kind;
    }

    public void setKind(PollKind kind) {
        if (kind == PollKind.CITY_TO_CITIZEN || kind == PollKind.CITY_TO_STAFF) {
            this.kind = kind;
        }
    }

    public LocalDateTime getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(LocalDateTime opensAt) {
        this.opensAt = opensAt;
    }

    public LocalDateTime getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(LocalDateTime closesAt) {
        this.closesAt = closesAt;
    }

    public AudienceType getAudience() {
        return audience;
    }

    public void setAudience(AudienceType audience) {
        if (audience == AudienceType.OPEN || audience == AudienceType.LISTED || audience == AudienceType.ORG_UNITS) {
            this.audience = audience;
        }
    }

    public AssuranceLevel getMinimumAssurance() {
        return minimumAssurance;
    }

    public void setMinimumAssurance(AssuranceLevel minimumAssurance) {
        this.minimumAssurance = minimumAssurance;
    }

    public ResultsVisibility getResultsVisibility() {
        return resultsVisibility;
    }

    public void setResultsVisibility(ResultsVisibility resultsVisibility) {
        this.resultsVisibility = resultsVisibility;
    }
}
