package org.mvoting.web.admin.events;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.mvoting.api.events.EventConsole;
import org.mvoting.api.events.EventConsoleView;
import org.mvoting.api.events.EventOperator;
import org.mvoting.api.events.EventQuestion;
import org.mvoting.api.events.TokenBatch;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.view.EventItem;
import org.mvoting.web.portal.view.EventOperatorItem;
import org.mvoting.web.portal.view.EventQuestionItem;
import org.mvoting.web.portal.view.TokenBatchItem;

/**
 * The operator console of an on-site event (/admin/events/console.xhtml?event=…), its live part: the event and
 * its questions by round, their counts refreshed every second, and what is typed against each question
 * (countdown, options carried, paper counts). What an EVENT_OPERATOR does with a question is
 * {@link ConsoleQuestionsBacking}, a question posted on the spot {@link ConsoleNewQuestionBacking}, the citizens'
 * requests and the SMS invitations {@link ConsoleRegistrationsBacking}, the event's operators and what waits for a
 * second person (token batches, paper counts) {@link ConsoleFourEyesBacking}. The service checks the role and every
 * transition; a refusal becomes a message (the portal's exception handler).
 */
@Named
@ViewScoped
public class EventConsoleBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int DEFAULT_COUNTDOWN_SECONDS = 60;
    static final int DEFAULT_CARRIED = 3;

    // Client ids in console.xhtml that the refresh redraws (form "console", ui:repeat "rows").
    static final String HEADER_ID = "console:counts";
    static final String QUESTIONS_ID = "console:questions";
    static final String MESSAGES_ID = "messages";
    static final String PENDING_TOKENS_ID = "console:pending-tokens";

    @EJB
    private EventConsole console;

    private String event;
    private UUID eventId;
    private EventItem header;
    private long joined;
    private List<EventQuestion> listed = List.of();
    private List<EventQuestionItem> questions = List.of();
    private String currentText;
    private boolean operable;
    private List<EventOperator> operators = List.of();
    private List<TokenBatch> pendingTokens = List.of();
    /** Set after a refresh failed: the reason is said once, not every second. */
    private boolean refreshFailing;

    /** What is typed per question, by poll id. */
    private final Map<String, Integer> countdowns = new HashMap<>();
    private final Map<String, Integer> carried = new HashMap<>();
    private final Map<String, Map<Long, Long>> paperCounts = new HashMap<>();
    private final Map<String, Long> handedOut = new HashMap<>();

    /** The f:viewAction (before ConsoleRegistrationsBacking's). */
    public void load() {
        if (eventId == null) {
            eventId = parse(event);
            if (eventId == null) {
                PortalMessages.error(null, "console.unknownEvent");
                return;
            }
        }
        show(console.console(eventId));
    }

    /** The p:poll listener, every second: redraws only the figures that changed (inputs being typed stay). */
    public void refresh() {
        if (eventId == null) {
            return;
        }
        List<EventQuestionItem> before = questions;
        List<TokenBatch> batchesBefore = pendingTokens;
        try {
            show(console.console(eventId));
        } catch (RuntimeException e) {
            if (refreshFailing) {
                return; // said already; the p:poll keeps asking
            }
            refreshFailing = true;
            renderIds().add(MESSAGES_ID); // the p:poll updates nothing by itself; the exception handler words it
            throw e;
        }
        refreshFailing = false;
        renderIds().addAll(redraws(before, questions));
        if (!batchesBefore.equals(pendingTokens)) {
            renderIds().add(PENDING_TOKENS_ID);
        }
    }

    /** After an action: the questions as they are now, redrawn where they changed. */
    void reloadAndRedraw() {
        if (eventId == null) {
            return;
        }
        List<EventQuestionItem> before = questions;
        List<TokenBatch> batchesBefore = pendingTokens;
        show(console.console(eventId));
        renderIds().addAll(redraws(before, questions));
        if (!batchesBefore.equals(pendingTokens)) {
            renderIds().add(PENDING_TOKENS_ID);
        }
    }

    private void show(EventConsoleView view) {
        header = new EventItem(view.event());
        joined = view.joined();
        List<EventQuestion> sorted = view.questions().stream()
                .sorted(Comparator.comparingInt(EventQuestion::round).thenComparingInt(EventQuestion::position)).toList();
        Map<UUID, String> texts = new HashMap<>();
        sorted.forEach(q -> texts.put(q.pollId(), q.text()));
        Instant now = Instant.now();
        List<EventQuestionItem> items = new ArrayList<>(sorted.size());
        int round = Integer.MIN_VALUE;
        for (EventQuestion q : sorted) {
            items.add(new EventQuestionItem(q, q.pollId().equals(view.currentPollId()), q.round() != round,
                    q.carriedFrom() == null ? null : texts.get(q.carriedFrom()), now));
            round = q.round();
        }
        listed = sorted;
        questions = List.copyOf(items);
        currentText = view.currentPollId() == null ? null : texts.get(view.currentPollId());
        operable = view.operable();
        operators = view.operators();
        pendingTokens = view.pendingTokens();

        List<String> ids = questions.stream().map(EventQuestionItem::getPollId).toList();
        countdowns.keySet().retainAll(ids);
        carried.keySet().retainAll(ids);
        paperCounts.keySet().retainAll(ids);
        handedOut.keySet().retainAll(ids);
        for (EventQuestion q : sorted) {
            String id = q.pollId().toString();
            countdowns.putIfAbsent(id, DEFAULT_COUNTDOWN_SECONDS);
            carried.putIfAbsent(id, defaultCarried(q.counts().size()));
            // the inputs show what is saved whenever the question is drawn again
            paperCounts.put(id, savedPaper(q));
            handedOut.putIfAbsent(id, q.paperHandedOut());
        }
    }

    private static Map<Long, Long> savedPaper(EventQuestion q) {
        Map<Long, Long> counts = new LinkedHashMap<>();
        q.counts().forEach(c -> counts.put(c.optionId(), c.paper()));
        return counts;
    }

    /** Three, but always fewer than the options (carrying them all would be no choice). */
    static int defaultCarried(int options) {
        return Math.max(1, Math.min(DEFAULT_CARRIED, options - 1));
    }

    /**
     * The client ids to draw again after a refresh: the whole list when questions came or went (or moved), else each
     * question whose actions changed, or just the figures of one whose counts changed; and always the header.
     */
    static List<String> redraws(List<EventQuestionItem> before, List<EventQuestionItem> after) {
        List<String> ids = new ArrayList<>();
        ids.add(HEADER_ID);
        if (!before.stream().map(EventQuestionItem::getPollId).toList()
                .equals(after.stream().map(EventQuestionItem::getPollId).toList())) {
            ids.add(QUESTIONS_ID);
            return ids;
        }
        for (int i = 0; i < after.size(); i++) {
            EventQuestionItem was = before.get(i);
            EventQuestionItem is = after.get(i);
            if (!was.actionsSignature().equals(is.actionsSignature())) {
                ids.add("console:rows:" + i + ":question");
            } else if (!was.figuresSignature().equals(is.figuresSignature())) {
                ids.add("console:rows:" + i + ":figures");
            }
        }
        return ids;
    }

    /**
     * The listed item whose id the pressed button's f:param names: the id the operator saw, even if the list changed
     * under it between two refreshes; when it is gone, an error message and {@code reload}.
     */
    static <T> Optional<T> pressed(List<T> listed, String parameter, Function<T, String> id, String unknownKey,
                                   Runnable reload) {
        String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(parameter);
        String wanted = requested == null ? null : requested.strip();
        Optional<T> found = listed.stream().filter(item -> id.apply(item).equals(wanted)).findFirst();
        if (found.isEmpty()) {
            PortalMessages.error(null, unknownKey);
            reload.run();
        }
        return found;
    }

    static Collection<String> renderIds() {
        return FacesContext.getCurrentInstance().getPartialViewContext().getRenderIds();
    }

    private static UUID parse(String raw) {
        try {
            return raw == null ? null : UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // --- what the other console beans read ----------------------------------------------------------

    /** The event shown; null before a successful load. */
    UUID eventId() {
        return eventId;
    }

    /** The highest round so far (1 before the first question): where a new question goes by default. */
    int lastRound() {
        return listed.stream().mapToInt(EventQuestion::round).max().orElse(1);
    }

    // --- what the page reads --------------------------------------------------------------------

    /** The console could be read (false after a refusal: the page shows only the message). */
    public boolean isLoaded() {
        return header != null;
    }

    /**
     * Buttons and forms are for those who may act on this event (an EVENT_OPERATOR assigned to it, the head of its
     * department, ADMIN); everyone else who may read it (an AUDITOR, an operator not assigned) sees it as it is.
     */
    public boolean isCanOperate() {
        return operable;
    }

    /** The event's operators: its creator first. */
    public List<EventOperator> getOperators() {
        return operators;
    }

    /** Token batches issued during the event, waiting for a second person. */
    public List<TokenBatch> getPendingTokens() {
        return pendingTokens;
    }

    /** The operators as the page lists them. */
    public List<EventOperatorItem> getOperatorItems() {
        return operators.stream().map(EventOperatorItem::new).toList();
    }

    /** Pending batches as the page lists them. */
    public List<TokenBatchItem> getPendingTokenItems() {
        return pendingTokens.stream().map(TokenBatchItem::new).toList();
    }

    /** The paper ballots handed out as typed, by poll id. */
    public Map<String, Long> getHandedOut() {
        return handedOut;
    }

    public String getEvent() {
        return event;
    }

    public void setEvent(String event) {
        this.event = event;
    }

    /** The event (named {@code header} here: {@code event} is the view parameter). */
    public EventItem getHeader() {
        return header;
    }

    /** Participants who have joined in the hall (of {@code header.participants} registered). */
    public long getJoined() {
        return joined;
    }

    public List<EventQuestionItem> getQuestions() {
        return questions;
    }

    /** The text of the question on the screens; null before the first one. */
    public String getCurrentText() {
        return currentText;
    }

    public Map<String, Integer> getCountdowns() {
        return countdowns;
    }

    public Map<String, Integer> getCarried() {
        return carried;
    }

    public Map<String, Map<Long, Long>> getPaperCounts() {
        return paperCounts;
    }
}
