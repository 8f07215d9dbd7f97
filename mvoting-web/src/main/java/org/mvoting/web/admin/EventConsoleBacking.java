package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.mvoting.api.events.EventAdministration;
import org.mvoting.api.events.EventConsole;
import org.mvoting.api.events.EventConsoleView;
import org.mvoting.api.events.EventInvitations;
import org.mvoting.api.events.EventQuestion;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalText;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.EventItem;
import org.mvoting.web.portal.view.EventQuestionItem;
import org.mvoting.web.portal.view.RegistrationItem;
import org.mvoting.web.shortlink.ShortLinkServlet;

/**
 * The operator console of an on-site event (/admin/events/console.xhtml?event=…): the event's questions by round,
 * their counts refreshed every second, and what an EVENT_OPERATOR does with them (open with a countdown, close,
 * show or hide results, carry the top options forward, enter paper counts, announce the final result, post a new
 * question on the spot), and before the day the citizens' requests to take part (approve or decline, the link to
 * share) and the SMS invitations. The service checks the role and every transition; a refusal becomes a message.
 */
@Named
@ViewScoped
public class EventConsoleBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int DEFAULT_COUNTDOWN_SECONDS = 60;
    static final int DEFAULT_CARRIED = 3;
    /** The request parameter (an f:param of every question's buttons) naming the question acted on. */
    static final String POLL_PARAMETER = "poll";
    /** The request parameter (an f:param of approve and decline) naming the registration acted on. */
    static final String REGISTRATION_PARAMETER = "registration";

    // Client ids in console.xhtml that the refresh redraws (form "console", ui:repeat "rows").
    static final String HEADER_ID = "console:counts";
    static final String QUESTIONS_ID = "console:questions";
    static final String NEW_QUESTION_ID = "console:new-question";
    static final String MESSAGES_ID = "messages";

    @EJB
    private EventConsole console;

    @EJB
    private EventAdministration administration;

    @Inject
    private PortalUser user;

    private String event;
    private UUID eventId;
    private EventItem header;
    private long joined;
    private List<EventQuestionItem> questions = List.of();
    private String currentText;
    /** Set after a refresh failed: the reason is said once, not every second. */
    private boolean refreshFailing;

    /**
     * The self-registrations, read on opening and on demand (refresh, approve, decline), never by the p:poll: the
     * list changes rarely, and its buttons must not be redrawn under the operator's pointer every second.
     */
    private List<RegistrationItem> registrations = List.of();
    /** The registration link to share, or why it cannot be given (registrationLinkProblem). */
    private String registrationLink;
    private String registrationLinkProblem;

    /** What is typed per question, by poll id. */
    private final Map<String, Integer> countdowns = new HashMap<>();
    private final Map<String, Integer> carried = new HashMap<>();
    private final Map<String, Map<Long, Long>> paperCounts = new HashMap<>();

    private Integer newRound;
    private String newText;
    private String newOptions;
    private Integer newMax = 1;

    /** The f:viewAction. */
    public void load() {
        try {
            if (eventId == null) {
                eventId = parse(event);
                if (eventId == null) {
                    PortalMessages.error(null, "console.unknownEvent");
                    return;
                }
            }
            show(console.console(eventId));
        } catch (RuntimeException e) {
            PortalMessages.add(null, e);
            return;
        }
        showRegistrationLink();
        loadRegistrations();
    }

    /** The p:poll listener, every second: redraws only the figures that changed (inputs being typed stay). */
    public void refresh() {
        if (eventId == null) {
            return;
        }
        List<EventQuestionItem> before = questions;
        try {
            show(console.console(eventId));
        } catch (RuntimeException e) {
            if (!refreshFailing) {
                PortalMessages.add(null, e);
                renderIds().add(MESSAGES_ID);
            }
            refreshFailing = true;
            return;
        }
        refreshFailing = false;
        renderIds().addAll(redraws(before, questions));
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
        questions = List.copyOf(items);
        currentText = view.currentPollId() == null ? null : texts.get(view.currentPollId());

        List<String> ids = questions.stream().map(EventQuestionItem::getPollId).toList();
        countdowns.keySet().retainAll(ids);
        carried.keySet().retainAll(ids);
        paperCounts.keySet().retainAll(ids);
        for (EventQuestion q : sorted) {
            String id = q.pollId().toString();
            countdowns.putIfAbsent(id, DEFAULT_COUNTDOWN_SECONDS);
            carried.putIfAbsent(id, defaultCarried(q.counts().size()));
            // the inputs show what is saved whenever the question is drawn again
            paperCounts.put(id, savedPaper(q));
        }
        if (newRound == null) {
            newRound = sorted.stream().mapToInt(EventQuestion::round).max().orElse(1);
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

    // --- actions on a question (the one named by the button's f:param) ---------------------------

    /** 열기: voting opens and the question goes on every screen; 0 seconds means no countdown. */
    public void open() {
        question().ifPresent(q -> {
            Integer seconds = countdowns.get(q.getPollId());
            if (seconds == null || seconds < 0) {
                PortalMessages.error(null, "console.invalid.countdown");
                return;
            }
            act(q, id -> console.openQuestion(eventId, id, seconds, user.actor()), "console.opened");
        });
    }

    public void close() {
        question().ifPresent(q -> act(q, id -> console.closeQuestion(eventId, id, user.actor()), "console.closed"));
    }

    public void showResults() {
        question().ifPresent(q -> act(q, id -> console.showResults(eventId, id, true, user.actor()),
                "console.resultsShown"));
    }

    public void hideResults() {
        question().ifPresent(q -> act(q, id -> console.showResults(eventId, id, false, user.actor()),
                "console.resultsHidden"));
    }

    /** A prepared question in the next round with the top N options (N fewer than the options). */
    public void carryForward() {
        question().ifPresent(q -> {
            Integer top = carried.get(q.getPollId());
            int options = q.getCounts().size();
            if (top == null || top < 2 || top >= options) {
                PortalMessages.error(null, "console.invalid.carry");
                return;
            }
            try {
                EventQuestion next = console.carryForward(eventId, UUID.fromString(q.getPollId()), top, user.actor());
                PortalMessages.info("console.carried", q.getText(), next.round());
            } catch (RuntimeException e) {
                PortalMessages.add(null, e);
            }
            reloadAndRedraw();
        });
    }

    /** Saves the paper count of every option of the question together, replacing an earlier entry. */
    public void savePaperCounts() {
        question().ifPresent(q -> {
            Map<Long, Long> typed = paperCounts.getOrDefault(q.getPollId(), Map.of());
            Map<Long, Long> counts = new LinkedHashMap<>();
            for (var option : q.getCounts()) {
                Long count = typed.get(option.getOptionId());
                if (count == null || count < 0) {
                    PortalMessages.error(null, "console.invalid.paper");
                    return;
                }
                counts.put(option.getOptionId(), count);
            }
            act(q, id -> console.enterPaperCounts(eventId, id, counts, user.actor()), "console.paperSaved");
        });
    }

    public void announceFinal() {
        question().ifPresent(q -> act(q, id -> console.announceFinal(eventId, id, user.actor()), "console.announced"));
    }

    private void act(EventQuestionItem q, Function<UUID, EventQuestion> action, String doneKey) {
        try {
            action.apply(UUID.fromString(q.getPollId()));
            PortalMessages.info(doneKey, q.getText());
        } catch (RuntimeException e) {
            PortalMessages.add(null, e);
        }
        reloadAndRedraw();
    }

    /**
     * The question the pressed button belongs to, named by its f:param: the id the operator saw, even if the list
     * changed under it between two refreshes.
     */
    private Optional<EventQuestionItem> question() {
        return pressed(questions, POLL_PARAMETER, EventQuestionItem::getPollId, "console.unknownQuestion",
                this::reloadAndRedraw);
    }

    /**
     * The listed item whose id the pressed button's f:param names; when it is gone, an error message and
     * {@code reload} (the list changed under the operator between two refreshes).
     */
    private static <T> Optional<T> pressed(List<T> listed, String parameter, Function<T, String> id,
                                           String unknownKey, Runnable reload) {
        String requested = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get(parameter);
        String wanted = requested == null ? null : requested.strip();
        Optional<T> found = listed.stream().filter(item -> id.apply(item).equals(wanted)).findFirst();
        if (found.isEmpty()) {
            PortalMessages.error(null, unknownKey);
            reload.run();
        }
        return found;
    }

    // --- self-registrations and SMS invitations (before the day) ------------------------------------

    /** 새로 고침 of the registrations panel. */
    public void refreshRegistrations() {
        loadRegistrations();
    }

    /** 승인: the citizen becomes a participant (by their phone), so the header's count grows with the next refresh. */
    public void approve() {
        decide(true, "console.registrations.approved");
    }

    public void decline() {
        decide(false, "console.registrations.declined");
    }

    private void decide(boolean approve, String doneKey) {
        registration().ifPresent(r -> {
            try {
                administration.decideRegistration(eventId, UUID.fromString(r.getId()), approve, user.actor());
                PortalMessages.info(doneKey, r.getName());
            } catch (RuntimeException e) {
                PortalMessages.add(null, e);
            }
            loadRegistrations();
        });
    }

    /**
     * SMS 초대 보내기: one SMS with the event link to each participant with a phone number not invited yet (sending
     * again reaches only those added since). The link must be the public address, never a Host header a client chose.
     */
    public void invite() {
        if (eventId == null) {
            return;
        }
        try {
            EventInvitations sent = administration.inviteParticipants(eventId,
                    ShortLinkServlet.trustedPublicBase(request()), user.actor());
            PortalMessages.info("console.invite.sent", sent.queuedNow(), sent.invited(), sent.withoutPhone(),
                    sent.participants());
        } catch (RuntimeException e) {
            PortalMessages.add(null, e);
        }
    }

    private void loadRegistrations() {
        if (eventId == null) {
            return;
        }
        try {
            registrations = administration.registrations(eventId).stream().map(RegistrationItem::new).toList();
        } catch (RuntimeException e) {
            PortalMessages.add(null, e);
        }
    }

    private void showRegistrationLink() {
        try {
            registrationLink = registrationLink(ShortLinkServlet.trustedPublicBase(request()), header.getJoinCode());
            registrationLinkProblem = null;
        } catch (RuntimeException e) {
            registrationLink = null;
            registrationLinkProblem = PortalMessages.of(e, PortalText.current()).getSummary();
        }
    }

    /** The mobile web's registration page of the event with this join code, on the public address {@code base}. */
    static String registrationLink(String base, String joinCode) {
        String trimmed = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return trimmed + "/m/#/events/" + joinCode + "/register";
    }

    /** The registration the pressed button belongs to (its f:param), as last listed; a message when it is gone. */
    private Optional<RegistrationItem> registration() {
        return pressed(registrations, REGISTRATION_PARAMETER, RegistrationItem::getId, "console.registrations.unknown",
                this::loadRegistrations);
    }

    private static HttpServletRequest request() {
        return (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    }

    // --- a new question on the spot ---------------------------------------------------------------

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
            EventQuestion added = console.addQuestion(eventId, newRound, draft(text, options, newMax), user.actor());
            PortalMessages.info("console.added", added.round());
            newText = null;
            newOptions = null;
            newMax = 1;
            renderIds().add(NEW_QUESTION_ID);
        } catch (RuntimeException e) {
            PortalMessages.add(null, e);
        }
        reloadAndRedraw();
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

    private void reloadAndRedraw() {
        if (eventId == null) {
            return;
        }
        List<EventQuestionItem> before = questions;
        try {
            show(console.console(eventId));
        } catch (RuntimeException e) {
            PortalMessages.add(null, e);
            return;
        }
        renderIds().addAll(redraws(before, questions));
    }

    private static Collection<String> renderIds() {
        return FacesContext.getCurrentInstance().getPartialViewContext().getRenderIds();
    }

    private static UUID parse(String raw) {
        try {
            return raw == null ? null : UUID.fromString(raw.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    // --- what the page reads --------------------------------------------------------------------

    /** The console could be read (false after a refusal: the page shows only the message). */
    public boolean isLoaded() {
        return header != null;
    }

    /** Buttons and forms are for EVENT_OPERATOR; an AUDITOR reads the console as it is. */
    public boolean isCanOperate() {
        return user.isEventOperator();
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

    /** Pending first (oldest first), then the decided ones, as the service orders them. */
    public List<RegistrationItem> getRegistrations() {
        return registrations;
    }

    public long getPendingRegistrations() {
        return registrations.stream().filter(RegistrationItem::isPending).count();
    }

    /** {public address}/m/#/events/{join code}/register; null when the public address is not configured. */
    public String getRegistrationLink() {
        return registrationLink;
    }

    /** Why there is no registration link (MVOTING_PUBLIC_URL missing), in the page's language; else null. */
    public String getRegistrationLinkProblem() {
        return registrationLinkProblem;
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

    public Integer getNewRound() {
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
