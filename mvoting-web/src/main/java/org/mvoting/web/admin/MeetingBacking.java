package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollRecord;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.web.admin.polls.QuestionForm;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalText;
import org.mvoting.web.portal.PortalTime;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.ResultsItem;
import org.mvoting.web.shortlink.ShortLinkServlet;
import org.primefaces.PrimeFaces;

/**
 * A quick poll for a meeting room (/admin/meeting.xhtml): one question, open at once for some minutes,
 * a QR code for the room to scan (whoever opens it within the join window is the audience), and the results as they
 * come in. The department's operator, its head or an executive above it may start one.
 */
@Named
@ViewScoped
public class MeetingBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int DEFAULT_MINUTES = 10;
    /** Long enough for a room to scan the QR code, short enough that a forwarded link is refused soon after. */
    static final int DEFAULT_JOIN_MINUTES = 3;

    @EJB
    private PollAdministration administration;

    @Inject
    private PortalUser user;

    private final QuestionForm question = new QuestionForm();
    private int minutes = DEFAULT_MINUTES;
    private int joinMinutes = DEFAULT_JOIN_MINUTES;

    private UUID pollId;
    private String shortCode;
    private String shortLink;
    private String closesAt;
    private String joinClosesAt;
    private PollStatus status;
    private ResultsItem results;

    public void start() {
        String department = user.getDepartmentCode();
        if (department == null) {
            PortalMessages.error(null, "edit.noDepartment");
            return;
        }
        if (question.getText() == null || question.getText().isBlank()) {
            PortalMessages.error("meeting:text", "edit.invalid.questionText", 1);
            return;
        }
        PollRecord poll = administration.quickMeetingPoll(department, question.toDraft(), minutes,
                Math.min(joinMinutes, minutes), user.actor());
        joinClosesAt = PortalTime.minutes(poll.opensAt().plus(java.time.Duration.ofMinutes(Math.min(joinMinutes, minutes))));
        pollId = poll.id();
        shortCode = poll.shortCode();
        shortLink = absoluteShortLink(shortCode);
        closesAt = PortalTime.minutes(poll.closesAt());
        status = poll.status();
        refresh();
    }

    /** The p:poll listener: the live tally every two seconds until the poll closes. */
    public void refresh() {
        if (pollId == null) {
            return;
        }
        try {
            results = new ResultsItem(administration.results(pollId),
                    PortalText.text(PortalText.current(), "results.votes"), PortalText.text(PortalText.current(), "results.points"));
            status = results.getStatus();
        } finally {
            if (status != PollStatus.OPEN && PrimeFaces.current().isAjaxRequest()) {
                PrimeFaces.current().executeScript("PF('livePoll') && PF('livePoll').stop();");
            }
        }
    }

    public void close() {
        if (pollId == null) {
            return;
        }
        try {
            administration.close(pollId, user.actor());
            PortalMessages.info("view.closed");
        } finally {
            PortalMessages.reload(this::refresh);
        }
    }

    /** The link the QR code holds, as the phones in the room must open it (scheme and host of this request). */
    private static String absoluteShortLink(String code) {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        return ShortLinkServlet.absoluteLink((HttpServletRequest) external.getRequest(), code);
    }

    public boolean isStarted() {
        return pollId != null;
    }

    public boolean isLive() {
        return pollId != null && status == PollStatus.OPEN;
    }

    public List<QuestionType> getQuestionTypes() {
        return List.of(QuestionType.SINGLE_CHOICE, QuestionType.MULTIPLE_CHOICE, QuestionType.YES_NO,
                QuestionType.SCALE, QuestionType.RANKING);
    }

    public QuestionForm getQuestion() {
        return question;
    }

    public int getMinutes() {
        return minutes;
    }

    public void setMinutes(int minutes) {
        this.minutes = minutes;
    }

    public String getPollId() {
        return pollId == null ? null : pollId.toString();
    }

    public int getJoinMinutes() {
        return joinMinutes;
    }

    public void setJoinMinutes(int joinMinutes) {
        this.joinMinutes = joinMinutes;
    }

    public String getJoinClosesAt() {
        return joinClosesAt;
    }

    public String getShortCode() {
        return shortCode;
    }

    public String getShortLink() {
        return shortLink;
    }

    public String getClosesAt() {
        return closesAt;
    }

    public PollStatus getStatus() {
        return status;
    }

    public ResultsItem getResults() {
        return results;
    }
}
