package org.mvoting.web.admin.polls;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.InvitationProgress;
import org.mvoting.api.polls.ListedNumber;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollView;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalText;
import org.mvoting.web.portal.PortalTime;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.ChartJson;
import org.mvoting.web.portal.view.InvitationProgressItem;
import org.mvoting.web.portal.view.ListedNumberItem;
import org.mvoting.web.portal.view.PollItem;
import org.mvoting.web.portal.view.QuestionItem;
import org.mvoting.web.portal.view.ResultsItem;
import org.mvoting.web.shortlink.ShortLinkServlet;
import org.primefaces.PrimeFaces;

/**
 * A poll's own page (/admin/polls/view.xhtml): its record, questions, results, and the workflow actions
 * the caller's roles and the poll's state allow. Buttons are only shown where they can work; the
 * service decides either way and its refusal is shown as a message.
 */
@Named
@ViewScoped
public class ViewPollBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PollAdministration administration;

    @Inject
    private PortalUser user;

    @EJB
    private org.mvoting.api.ballots.BallotQuarantine quarantine;

    /** Ballots of this poll the mixer could not open and set aside (shown to ADMIN and AUDITOR only). */
    private long quarantined;

    private String id;
    private UUID pollId;
    private PollItem poll;
    private String description;
    private List<QuestionItem> questions = List.of();
    private ResultsItem results;
    private String turnoutJson;
    private String rejectionReason;
    private String removalReason;
    private LocalDateTime newClosesAt;

    /** The f:viewAction (and the refresh after every action). */
    public void load() {
        if (pollId == null) {
            pollId = parse(id);
        }
        poll = new PollItem(administration.record(pollId));
        PollView full = administration.poll(pollId);
        description = full.description();
        questions = full.questions().stream().map(QuestionItem::new).toList();
        results = null;
        turnoutJson = null;
        if (poll.isPublished()) {
            results = new ResultsItem(administration.results(pollId), text("results.votes"), text("results.points"));
            turnoutJson = turnout(administration.turnoutByHour(pollId));
        }
        quarantined = user.isAdmin() || user.isAuditor() ? quarantine.count(pollId) : 0;
        if (newClosesAt == null && poll.closesAt() != null) {
            newClosesAt = PortalTime.local(poll.closesAt().plus(Duration.ofDays(1)));
        }
        loadInvitations();
    }

    private String turnout(List<Long> perHour) {
        Instant first = poll.opensAt().truncatedTo(ChronoUnit.HOURS);
        boolean english = PortalText.current().getLanguage().equals("en");
        List<String> labels = new ArrayList<>(perHour.size());
        for (int i = 0; i < perHour.size(); i++) {
            labels.add(PortalTime.hour(first.plus(Duration.ofHours(i)), english));
        }
        return ChartJson.of("line", text("results.turnout.series"), labels, perHour);
    }

    private static UUID parse(String raw) {
        try {
            return UUID.fromString(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw new PollNotFoundException(raw == null ? "" : raw.length() > 40 ? raw.substring(0, 40) : raw);
        }
    }

    private static String text(String key) {
        return PortalText.text(PortalText.current(), key);
    }

    // --- actions; each shows the poll again as it is now ---------------------------------------

    public void approve() {
        act(() -> administration.approve(pollId, user.actor()), "view.approved");
    }

    public void reject() {
        String reason = rejectionReason == null ? "" : rejectionReason.strip();
        if (reason.isEmpty()) {
            PortalMessages.problem(null, "poll-rejection-reason-required");
            return;
        }
        act(() -> administration.reject(pollId, reason, user.actor()), "view.rejected");
        rejectionReason = null; // only once the rejection was accepted
    }

    public void close() {
        act(() -> administration.close(pollId, user.actor()), "view.closed");
    }

    /** 투표 삭제: withdraws a published poll with a reason; the mileage it paid is reversed by the service. */
    public void remove() {
        String reason = removalReason == null ? "" : removalReason.strip();
        if (reason.isEmpty()) {
            PortalMessages.problem(null, "poll-removal-reason-required");
            return;
        }
        act(() -> administration.remove(pollId, reason, user.actor()), "view.removed");
        removalReason = null;
    }

    public void extend() {
        if (newClosesAt == null) {
            PortalMessages.problem(null, "poll-extension-not-later");
            return;
        }
        act(() -> administration.extend(pollId, PortalTime.instant(newClosesAt), user.actor()), "view.extended");
    }

    /** 복제: a new draft with the same content, opened in the editor. */
    public String duplicate() {
        UUID copy = administration.duplicate(pollId, user.actor()).id();
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        PortalMessages.info("view.duplicated");
        return "/admin/polls/edit.xhtml?faces-redirect=true&id=" + copy;
    }

    /** Refused or not, the poll is shown again as it is now; a refusal goes on to the exception handler. */
    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            PortalMessages.info(doneKey);
        } finally {
            PortalMessages.reload(this::load);
        }
    }

    // --- the phone list of a LISTED poll ------------------------------------------------------

    private transient jakarta.servlet.http.Part phoneListFile;
    private boolean replaceList = true;
    private org.mvoting.api.polls.ListImportReport importReport;

    /** Reads the uploaded CSV or Excel file and lists its numbers; the report says what happened to every row. */
    public void importPhoneList() {
        if (phoneListFile == null || phoneListFile.getSize() == 0) {
            PortalMessages.problem(null, "poll-phone-list-unreadable", "-");
            return;
        }
        try (java.io.InputStream in = phoneListFile.getInputStream()) {
            String name = phoneListFile.getSubmittedFileName() == null ? "" : phoneListFile.getSubmittedFileName();
            String type = name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")
                    ? org.mvoting.web.imports.PhoneListFile.XLSX : "text/csv";
            org.mvoting.web.imports.PhoneListFile list = org.mvoting.web.imports.PhoneListFile.read(in.readAllBytes(), type);
            importReport = administration.importListedVoters(pollId, list.values(), list.firstRow(), replaceList,
                    user.actor());
            PortalMessages.info("view.listImported");
        } catch (org.mvoting.web.imports.PhoneListFile.UnreadableFileException e) {
            PortalMessages.problem(null, "poll-phone-list-unreadable", e.getMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // an incident, worded by the exception handler
        } finally {
            PortalMessages.reload(this::load);
        }
    }

    public boolean isCanImportList() {
        return poll != null && poll.getAudience() == org.mvoting.api.polls.AudienceType.LISTED
                && (poll.isDraft() || poll.isOpen()) && user.isOperator();
    }

    public jakarta.servlet.http.Part getPhoneListFile() {
        return phoneListFile;
    }

    public void setPhoneListFile(jakarta.servlet.http.Part phoneListFile) {
        this.phoneListFile = phoneListFile;
    }

    public boolean isReplaceList() {
        return replaceList;
    }

    public void setReplaceList(boolean replaceList) {
        this.replaceList = replaceList;
    }

    /** The last upload's report rows as "row: value (reason)" lines, invalid ones first. */
    public List<String> getImportProblems() {
        if (importReport == null) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        importReport.invalid().forEach(p -> lines.add(p.row() + ": " + p.value() + " — " + text("view.list.invalid")));
        importReport.duplicates().forEach(p -> lines.add(p.row() + ": " + p.value() + " — " + text("view.list.duplicate")));
        return lines;
    }

    public org.mvoting.api.polls.ListImportReport getImportReport() {
        return importReport;
    }

    // --- SMS invitations of a LISTED poll -------------------------------------------------------

    /** Rows of the listed-number table per page: a list can hold 3,000 numbers, read a page at a time. */
    static final int NUMBERS_PER_PAGE = 20;

    private InvitationProgressItem invitations;
    private List<ListedNumberItem> listedNumbers = List.of();
    private int numbersPage;
    private long numbersTotal;

    /**
     * 초대 문자 보내기: one SMS with the poll's link to every listed number not invited yet or whose invitation
     * failed. The link is built on the address staff reached the portal by (unless MVOTING_PUBLIC_URL is set).
     */
    public void sendInvitations() {
        try {
            HttpServletRequest request = (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext()
                    .getRequest();
            InvitationProgress progress = administration.inviteListedVoters(pollId,
                    ShortLinkServlet.trustedPublicBase(request), user.actor());
            if (progress.queued() > 0) {
                PortalMessages.info("view.invite.queuedNow", progress.queued());
            } else {
                PortalMessages.info("view.invite.nothingToSend");
            }
        } finally {
            // the poll may have closed meanwhile (the refusal says so): show it, and the button, as they are now
            PortalMessages.reload(this::load);
        }
    }

    /** The p:poll listener, every 2 seconds while invitations are queued; the poll stops when none is left. */
    public void refreshInvitations() {
        try {
            loadInvitations();
        } catch (RuntimeException e) {
            // the exception handler says why, once (the poll does not update the messages otherwise); stop asking
            invitations = null;
            PrimeFaces.current().ajax().update(":messages");
            throw e;
        }
    }

    public void previousNumbers() {
        showNumbersPage(numbersPage - 1);
    }

    public void nextNumbers() {
        showNumbersPage(numbersPage + 1);
    }

    private void showNumbersPage(int page) {
        int before = numbersPage;
        numbersPage = Math.max(0, page);
        try {
            loadNumbers();
        } catch (RuntimeException e) {
            numbersPage = before; // the page shown stays; the exception handler says why
            PrimeFaces.current().ajax().update(":messages");
            throw e;
        }
    }

    /** The counts and the shown page of numbers; nothing for polls without a phone list. */
    private void loadInvitations() {
        invitations = null;
        listedNumbers = List.of();
        numbersTotal = 0;
        if (!isListed()) {
            return;
        }
        invitations = new InvitationProgressItem(administration.invitationProgress(pollId));
        loadNumbers();
    }

    private void loadNumbers() {
        PageOf<ListedNumber> page = administration.listedNumbers(pollId, numbersPage, NUMBERS_PER_PAGE);
        int last = lastPage(page.total());
        if (numbersPage > last) {
            // the list was replaced by a shorter one: its last page
            numbersPage = last;
            page = administration.listedNumbers(pollId, numbersPage, NUMBERS_PER_PAGE);
        }
        numbersTotal = page.total();
        Locale locale = PortalText.current();
        int first = numbersPage * NUMBERS_PER_PAGE;
        List<ListedNumberItem> rows = new ArrayList<>(page.items().size());
        for (int i = 0; i < page.items().size(); i++) {
            rows.add(new ListedNumberItem(page.items().get(i), first + i + 1, locale));
        }
        listedNumbers = rows;
    }

    /** The last page index (0-based) of a list of {@code total} numbers; 0 for an empty list. */
    static int lastPage(long total) {
        return total <= 0 ? 0 : (int) ((total - 1) / NUMBERS_PER_PAGE);
    }

    /** A LISTED poll: its invitations are shown in any state, to everyone who may read the poll. */
    public boolean isListed() {
        return poll != null && poll.getAudience() == AudienceType.LISTED;
    }

    /** Invitations go out only while the poll is open, sent by an operator (the service checks the department). */
    public boolean isCanSendInvitations() {
        return isListed() && poll.isOpen() && user.isOperator();
    }

    /** While true the progress panel refreshes itself. */
    public boolean isInvitationsInFlight() {
        return invitations != null && invitations.isInFlight();
    }

    public InvitationProgressItem getInvitations() {
        return invitations;
    }

    public List<ListedNumberItem> getListedNumbers() {
        return listedNumbers;
    }

    public long getNumbersTotal() {
        return numbersTotal;
    }

    /** The first shown row's number (from 1), for "21–40 / 3,000". */
    public long getNumbersFrom() {
        return listedNumbers.isEmpty() ? 0 : (long) numbersPage * NUMBERS_PER_PAGE + 1;
    }

    public long getNumbersTo() {
        return (long) numbersPage * NUMBERS_PER_PAGE + listedNumbers.size();
    }

    public boolean isHasPreviousNumbers() {
        return numbersPage > 0;
    }

    public boolean isHasNextNumbers() {
        return numbersPage < lastPage(numbersTotal);
    }

    // --- what the page reads --------------------------------------------------------------------

    public boolean isLoaded() {
        return poll != null;
    }

    public boolean isCanApprove() {
        return poll != null && poll.isPending() && user.isApprover();
    }

    /** A published city poll may be withdrawn by an approver of its department or ADMIN (the service checks which). */
    public boolean isCanRemove() {
        return poll != null && poll.isPublished() && (user.isApprover() || user.isAdmin());
    }

    public String getRemovalReason() {
        return removalReason;
    }

    public void setRemovalReason(String removalReason) {
        this.removalReason = removalReason;
    }

    public boolean isCanManage() {
        return poll != null && poll.isOpen() && user.isManager();
    }

    public boolean isCanEdit() {
        return poll != null && poll.isDraft() && user.isOperator();
    }

    public boolean isCanDuplicate() {
        return poll != null && user.isOperator();
    }

    /** Staff polls that are open can be voted in from the portal; eligibility is checked when casting. */
    public boolean isCanVote() {
        return poll != null && poll.isStaffPoll() && poll.isOpen() && user.isStaff();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public PollItem getPoll() {
        return poll;
    }

    public String getDescription() {
        return description;
    }

    public List<QuestionItem> getQuestions() {
        return questions;
    }

    public long getQuarantined() {
        return quarantined;
    }

    public ResultsItem getResults() {
        return results;
    }

    public String getTurnoutJson() {
        return turnoutJson;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public void setRejectionReason(String rejectionReason) {
        this.rejectionReason = rejectionReason;
    }

    public LocalDateTime getNewClosesAt() {
        return newClosesAt;
    }

    public void setNewClosesAt(LocalDateTime newClosesAt) {
        this.newClosesAt = newClosesAt;
    }
}
