package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollRecord;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.web.portal.PortalTime;

/** A poll's workflow record (PollRecord) as pages read it. */
public class PollItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final PollKind kind;
    private final PollStatus status;
    private final String title;
    private final String departmentCode;
    private final String departmentName;
    private final Instant opensAt;
    private final Instant closesAt;
    private final AudienceType audience;
    private final String createdBy;
    private final Instant createdAt;
    private final String submittedBy;
    private final String decidedBy;
    private final String rejectionReason;
    private final String shortCode;
    private final List<String> audienceUnits;
    private final List<String> audiencePeople;
    private final int questionCount;
    private final Long finalBallots;

    public PollItem(PollRecord r) {
        id = r.id().toString();
        kind = r.kind();
        status = r.status();
        title = r.title();
        departmentCode = r.departmentCode();
        departmentName = r.departmentName();
        opensAt = r.opensAt();
        closesAt = r.closesAt();
        audience = r.audience();
        createdBy = r.createdBy();
        createdAt = r.createdAt();
        submittedBy = r.submittedBy();
        decidedBy = r.decidedBy();
        rejectionReason = r.rejectionReason();
        shortCode = r.shortCode();
        audienceUnits = r.audienceUnits() == null ? List.of() : List.copyOf(r.audienceUnits());
        audiencePeople = r.audiencePeople() == null ? List.of() : List.copyOf(r.audiencePeople());
        questionCount = r.questionCount();
        finalBallots = r.finalBallots();
    }

    public String getId() {
        return id;
    }

    public PollKind getKind() {
        return kind;
    }

    public PollStatus getStatus() {
        return status;
    }

    public String getTitle() {
        return title;
    }

    public String getDepartmentCode() {
        return departmentCode;
    }

    public String getDepartmentName() {
        return departmentName == null ? departmentCode : departmentName;
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public String getOpensAt() {
        return PortalTime.minutes(opensAt);
    }

    public String getClosesAt() {
        return PortalTime.minutes(closesAt);
    }

    public AudienceType getAudience() {
        return audience;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getCreatedAt() {
        return PortalTime.minutes(createdAt);
    }

    public String getSubmittedBy() {
        return submittedBy;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getShortCode() {
        return shortCode;
    }

    public List<String> getAudienceUnits() {
        return audienceUnits;
    }

    public List<String> getAudiencePeople() {
        return audiencePeople;
    }

    public int getQuestionCount() {
        return questionCount;
    }

    public Long getFinalBallots() {
        return finalBallots;
    }

    public boolean isStaffPoll() {
        return kind == PollKind.CITY_TO_STAFF;
    }

    public boolean isDraft() {
        return status == PollStatus.DRAFT;
    }

    public boolean isPending() {
        return status == PollStatus.PENDING_APPROVAL;
    }

    public boolean isOpen() {
        return status == PollStatus.OPEN;
    }

    public boolean isClosed() {
        return status == PollStatus.CLOSED;
    }

    /** Open or closed: it has (or had) ballots and results. */
    public boolean isPublished() {
        return isOpen() || isClosed();
    }
}
