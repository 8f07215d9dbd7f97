package org.mvoting.web.admin.polls;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.policycycle.PolicyCycleView;
import org.mvoting.api.policycycle.PolicyCycles;
import org.mvoting.api.policycycle.PolicyDocumentFile;
import org.mvoting.api.policycycle.PolicyStage;
import org.mvoting.api.policycycle.PolicyStepEntry;
import org.mvoting.api.policycycle.PolicyStepView;
import org.mvoting.api.polls.PollKind;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalText;
import org.mvoting.web.portal.PortalTime;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.PollItem;
import org.mvoting.web.shortlink.ShortLinkServlet;

/**
 * The policy-cycle section of a poll's page (/admin/polls/view.xhtml): the steps as citizens see them, and for the
 * department's staff a form to record the next stage or correct a recorded one, with an optional PDF. The service
 * checks the role, the department, the order and the dates; its refusals are shown as messages.
 */
@Named
@ViewScoped
public class PolicyCycleBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The choice "record stage X" is NEW:X, "correct the entry E" is FIX:E. */
    private static final String NEW = "NEW:";
    private static final String FIX = "FIX:";

    @EJB
    private PolicyCycles cycles;

    @Inject
    private PortalUser user;

    @Inject
    private ViewPollBacking page;

    private PolicyCycleView cycle;
    private boolean loaded;
    private String choice;
    private LocalDate date = LocalDate.now(PortalTime.zone());
    private String summary;
    private transient jakarta.servlet.http.Part document;

    /** The cycle of a published city-to-citizen poll; null for other polls. Read once, and again after recording. */
    public PolicyCycleView getCycle() {
        if (!loaded) {
            loaded = true;
            PollItem poll = page.getPoll();
            cycle = poll != null && poll.isPublished() && poll.getKind() == PollKind.CITY_TO_CITIZEN
                    ? PortalMessages.readWhileRendering(() -> cycles.cycle(UUID.fromString(poll.getId())), null) : null;
        }
        return cycle;
    }

    /** Whether the caller may record here: a closed city poll, and a role that can (the service checks the department). */
    public boolean isCanRecord() {
        PollItem poll = page.getPoll();
        return getCycle() != null && poll.isClosed() && user.isManager() && !getChoices().isEmpty();
    }

    /** The next stage to record, then a correction of each recorded stage. */
    public List<String[]> getChoices() {
        List<String[]> choices = new ArrayList<>();
        PolicyCycleView current = getCycle();
        if (current == null) {
            return choices;
        }
        if (current.next() != null) {
            choices.add(new String[] {NEW + current.next(), text("cycle.record", stage(current.next()))});
        }
        for (PolicyStepView step : current.steps()) {
            choices.add(new String[] {FIX + step.id(), text("cycle.correct", stage(step.stage()), step.date())});
        }
        return choices;
    }

    public void record() {
        String chosen = choice == null || choice.isBlank() ? getChoices().get(0)[0] : choice;
        PolicyStepEntry entry;
        if (chosen.startsWith(FIX)) {
            UUID corrects = UUID.fromString(chosen.substring(FIX.length()));
            PolicyStage stage = getCycle().steps().stream().filter(s -> s.id().equals(corrects)).findFirst()
                    .map(PolicyStepView::stage).orElse(PolicyStage.AGENDA);
            entry = new PolicyStepEntry(stage, date, summary, corrects);
        } else {
            entry = new PolicyStepEntry(PolicyStage.valueOf(chosen.substring(NEW.length())), date, summary, null);
        }
        UUID pollId = UUID.fromString(page.getPoll().getId());
        try {
            PolicyStepView step = cycles.record(pollId, entry, ShortLinkServlet.trustedPublicBase(request()), user.actor());
            PortalMessages.info("cycle.recorded", stage(step.stage()));
            summary = null;
            choice = null;
            if (document != null && document.getSize() > 0) {
                try (InputStream in = document.getInputStream()) {
                    cycles.attachDocument(pollId, step.id(), document.getSubmittedFileName(),
                            in.readNBytes(PolicyDocumentFile.MAX_BYTES + 1), user.actor());
                }
                PortalMessages.info("cycle.attached");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // an incident, worded by the exception handler
        } finally {
            loaded = false;
        }
    }

    /** The stage in the reader's language. */
    public String stage(PolicyStage stage) {
        return text("cycle.stage." + stage);
    }

    /** When a step was entered, in the city's time. */
    public String recordedAt(PolicyStepView step) {
        return PortalTime.minutes(step.recordedAt());
    }

    /** Where anyone downloads the step's PDF (the public API). */
    public String documentUrl(PolicyStepView step) {
        return request().getContextPath() + "/api/v1/polls/" + getCycle().pollId() + "/policy-cycle/steps/" + step.id()
                + "/document";
    }

    private static jakarta.servlet.http.HttpServletRequest request() {
        return (jakarta.servlet.http.HttpServletRequest) jakarta.faces.context.FacesContext.getCurrentInstance()
                .getExternalContext().getRequest();
    }

    private static String text(String key, Object... arguments) {
        return PortalText.text(PortalText.current(), key, arguments);
    }

    public String getChoice() {
        return choice;
    }

    public void setChoice(String choice) {
        this.choice = choice;
    }

    public LocalDate getDate() {
        return date;
    }

    public void setDate(LocalDate date) {
        this.date = date;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public int getSummaryLength() {
        return PolicyStepEntry.SUMMARY_LENGTH;
    }

    public jakarta.servlet.http.Part getDocument() {
        return document;
    }

    public void setDocument(jakarta.servlet.http.Part document) {
        this.document = document;
    }
}
