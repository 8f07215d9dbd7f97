package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.PhaseId;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.mvoting.api.citizenpolls.Moderation;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalText;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.ModerationCaseItem;
import org.mvoting.web.portal.view.WordListItem;

/**
 * The moderators' queue (/admin/moderation.xhtml): citizens' polls held by screening or hidden after reports,
 * oldest first, with what a MODERATOR decides (open or show again, remove with a reason, dismiss the reports),
 * and the words moderators added to the screening lists. AUDITOR reads both. The service checks the roles and
 * audits every decision; a refusal becomes a message, and after every action the page shows the queue as it is.
 */
@Named
@ViewScoped
public class ModerationBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Moderation moderation;

    @Inject
    private PortalUser user;

    private boolean loaded;
    /** The language the cases and lists were worded in. */
    private Locale shownIn;
    private List<ModerationCaseItem> cases = List.of();
    private List<WordListItem> wordLists = List.of();
    /** The removal reason typed in each case, by poll id. */
    private final Map<String, String> reasons = new HashMap<>();
    private String wordCategory = WordListItem.CATEGORIES.get(0);
    private String wordText;

    /** The f:viewAction, and the refresh after every action. */
    public void load() {
        try {
            Locale locale = PortalText.current();
            shownIn = locale;
            cases = moderation.queue().stream().map(c -> new ModerationCaseItem(c, locale)).toList();
            wordLists = WordListItem.of(moderation.addedWords(), locale);
            reasons.keySet().retainAll(cases.stream().map(ModerationCaseItem::getPollId).toList());
            loaded = true;
        } catch (RuntimeException e) {
            // no stale list under the message the exception handler shows
            loaded = false;
            cases = List.of();
            wordLists = List.of();
            throw e;
        }
    }

    /** 공개 (a held poll opens) or 복원 (a hidden one is shown again; its open reports are dismissed). */
    public void restore(String pollId) {
        String title = titleOf(pollId);
        try {
            moderation.restore(UUID.fromString(pollId), user.actor());
            PortalMessages.info("moderation.restored", title);
        } finally {
            PortalMessages.reload(this::load);
        }
    }

    /** 삭제, with the reason the proposer reads (the service refuses a blank or too long one). */
    public void remove(String pollId) {
        String title = titleOf(pollId);
        try {
            moderation.remove(UUID.fromString(pollId), reasons.get(pollId), user.actor());
            reasons.remove(pollId);
            PortalMessages.info("moderation.removed", title);
        } finally {
            PortalMessages.reload(this::load);
        }
    }

    /** 신고 기각: the open reports are dismissed and a poll they had hidden is shown again. */
    public void dismissReports(String pollId) {
        String title = titleOf(pollId);
        try {
            moderation.dismissReports(UUID.fromString(pollId), user.actor());
            PortalMessages.info("moderation.dismissed", title);
        } finally {
            PortalMessages.reload(this::load);
        }
    }

    /** Adds the typed word to the chosen list; it applies to polls created from now on. */
    public void addWord() {
        String word = wordText == null ? "" : wordText.strip();
        try {
            moderation.addWord(wordCategory, word, user.actor());
            PortalMessages.info("moderation.words.added", word);
            wordText = null;
        } finally {
            PortalMessages.reload(this::load);
        }
    }

    public void removeWord(String category, String word) {
        try {
            moderation.removeWord(category, word, user.actor());
            PortalMessages.info("moderation.words.removed", word);
        } finally {
            PortalMessages.reload(this::load);
        }
    }

    private String titleOf(String pollId) {
        return cases.stream().filter(c -> c.getPollId().equals(pollId)).map(ModerationCaseItem::getTitle).findFirst()
                .orElse(pollId);
    }

    /** The queue and the word lists could be read (false after a refusal: the page shows only the message). */
    public boolean isLoaded() {
        return loaded;
    }

    public List<ModerationCaseItem> getCases() {
        rewordAfterLanguageSwitch();
        return cases;
    }

    public List<WordListItem> getWordLists() {
        rewordAfterLanguageSwitch();
        return wordLists;
    }

    /**
     * The header's language switch re-renders this view: the states, reasons and categories are worded again.
     * Only while rendering, so that a postback's rows are always the ones the page showed.
     */
    private void rewordAfterLanguageSwitch() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (loaded && faces != null && faces.getCurrentPhaseId() == PhaseId.RENDER_RESPONSE
                && !PortalText.current().equals(shownIn)) {
            // load() empties the lists when it fails
            PortalMessages.readWhileRendering(() -> {
                load();
                return loaded;
            }, false);
        }
    }

    /** The lists a word can be added to (the add form's choices). */
    public List<WordListItem> getAddableLists() {
        return getWordLists().stream().filter(l -> WordListItem.CATEGORIES.contains(l.getCategory())).toList();
    }

    public Map<String, String> getReasons() {
        return reasons;
    }

    public String getWordCategory() {
        return wordCategory;
    }

    public void setWordCategory(String wordCategory) {
        this.wordCategory = wordCategory;
    }

    public String getWordText() {
        return wordText;
    }

    public void setWordText(String wordText) {
        this.wordText = wordText;
    }
}
