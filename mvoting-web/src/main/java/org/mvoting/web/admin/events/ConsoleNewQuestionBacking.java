package org.mvoting.web.admin.events;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.mvoting.api.events.EventConsole;
import org.mvoting.api.events.EventQuestion;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalUser;

/**
 * A question posted on the spot from the console (/admin/events/console.xhtml): prepared in a round, one option
 * per line, single choice unless more than one selection is allowed. The page words what it can check; the
 * service's own checks stay the rule.
 */
@Named
@ViewScoped
public class ConsoleNewQuestionBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The form, drawn empty again once its question was added. */
    static final String NEW_QUESTION_ID = "console:new-question";

    @EJB
    private EventConsole console;

    @Inject
    private PortalUser user;

    @Inject
    private EventConsoleBacking live;

    private Integer newRound;
    private String newText;
    private String newOptions;
    private Integer newMax = 1;

    /** Posts a prepared question: one option per line; more than one selection makes it multiple choice. */
    public void addQuestion() {
        String text = newText == null ? "" : newText.strip();
        List<String> options = options(newOptions);
        if (newRound == null || newRound < 1) {
            PortalMessages.error(null, "console.invalid.round");
            return;
        }
        // the limits of QuestionDraft, worded by the page before the service refuses them
        if (text.isEmpty() || text.length() > QuestionDraft.TEXT_LENGTH) {
            PortalMessages.error(null, "console.invalid.text", QuestionDraft.TEXT_LENGTH);
            return;
        }
        if (options.size() < QuestionDraft.MIN_OPTIONS || options.size() > QuestionDraft.MAX_OPTIONS
                || options.stream().anyMatch(o -> o.length() > QuestionDraft.OPTION_LENGTH)) {
            PortalMessages.error(null, "console.invalid.options", QuestionDraft.MIN_OPTIONS, QuestionDraft.MAX_OPTIONS,
                    QuestionDraft.OPTION_LENGTH);
            return;
        }
        if (newMax == null || newMax < 1 || newMax > options.size()) {
            PortalMessages.error(null, "console.invalid.max");
            return;
        }
        try {
            EventQuestion added = console.addQuestion(live.eventId(), newRound, draft(text, options, newMax),
                    user.actor());
            PortalMessages.info("console.added", added.round());
            newText = null;
            newOptions = null;
            newMax = 1;
            EventConsoleBacking.renderIds().add(NEW_QUESTION_ID);
        } finally {
            PortalMessages.reload(live::reloadAndRedraw);
        }
    }

    /** Single choice for one selection (the service's defaults apply); multiple choice up to {@code max}. */
    static QuestionDraft draft(String text, List<String> options, int max) {
        return max == 1 ? new QuestionDraft(QuestionType.SINGLE_CHOICE, text, options, null, null, null)
                : new QuestionDraft(QuestionType.MULTIPLE_CHOICE, text, options, null, max, null);
    }

    /** The typed options: one per line, blank lines dropped. */
    static List<String> options(String typed) {
        if (typed == null) {
            return List.of();
        }
        return Arrays.stream(typed.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The round typed, or else the highest round when the form is first drawn. */
    public Integer getNewRound() {
        if (newRound == null && live.isLoaded()) {
            newRound = live.lastRound();
        }
        return newRound;
    }

    public void setNewRound(Integer newRound) {
        this.newRound = newRound;
    }

    public String getNewText() {
        return newText;
    }

    public void setNewText(String newText) {
        this.newText = newText;
    }

    public String getNewOptions() {
        return newOptions;
    }

    public void setNewOptions(String newOptions) {
        this.newOptions = newOptions;
    }

    public Integer getNewMax() {
        return newMax;
    }

    public void setNewMax(Integer newMax) {
        this.newMax = newMax;
    }
}
