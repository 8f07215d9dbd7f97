package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.mvoting.api.events.EventQuestion;
import org.mvoting.api.events.QuestionState;
import org.mvoting.web.portal.PortalTime;

/**
 * An event question on the operator's console: where it stands, its countdown, its phone and paper counts per
 * option, and whether it is the one on the screens. The page offers only the actions its state allows.
 */
public class EventQuestionItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String pollId;
    private final int round;
    private final int position;
    private final String text;
    private final int maxSelections;
    private final QuestionState state;
    private final Instant closesAt;
    private final Long secondsLeft;
    private final boolean resultsShown;
    private final boolean announced;
    private final String carriedFromText;
    private final long ballots;
    private final long paperBallots;
    private final List<OptionCountItem> counts;
    private final boolean onScreen;
    private final boolean firstInRound;
    private final Long paperHandedOut;
    private final String pendingBy;
    private final Instant pendingAt;
    private final java.util.Map<Long, Long> pendingPaper;

    /**
     * @param onScreen        it is the event's current question (the one every screen shows)
     * @param firstInRound    the console starts a new round heading above it
     * @param carriedFromText the text of the question whose options it carries forward, or null
     * @param now             the server's clock, for the seconds left of a countdown
     */
    public EventQuestionItem(EventQuestion q, boolean onScreen, boolean firstInRound, String carriedFromText,
                             Instant now) {
        pollId = q.pollId().toString();
        round = q.round();
        position = q.position();
        text = q.text();
        maxSelections = q.maxSelections();
        state = q.state();
        closesAt = q.closesAt();
        secondsLeft = state == QuestionState.OPEN && closesAt != null
                ? Math.max(0, Duration.between(now, closesAt).toSeconds()) : null;
        resultsShown = q.resultsShown();
        announced = q.announced();
        this.carriedFromText = q.carriedFrom() == null ? null : carriedFromText;
        ballots = q.ballots();
        paperBallots = q.paperBallots();
        counts = q.counts().stream().map(OptionCountItem::new).toList();
        this.onScreen = onScreen;
        this.firstInRound = firstInRound;
        paperHandedOut = q.paperHandedOut();
        pendingBy = q.pendingPaper() == null ? null : q.pendingPaper().enteredBy();
        pendingAt = q.pendingPaper() == null ? null : q.pendingPaper().enteredAt();
        pendingPaper = q.pendingPaper() == null ? java.util.Map.of() : new java.util.HashMap<>(q.pendingPaper().counts());
    }

    public String getPollId() {
        return pollId;
    }

    public int getRound() {
        return round;
    }

    public int getPosition() {
        return position;
    }

    public String getText() {
        return text;
    }

    public int getMaxSelections() {
        return maxSelections;
    }

    /** PREPARED, OPEN or CLOSED (for data-state and the questionState.* texts). */
    public QuestionState getState() {
        return state;
    }

    public boolean isPrepared() {
        return state == QuestionState.PREPARED;
    }

    public boolean isOpen() {
        return state == QuestionState.OPEN;
    }

    public boolean isClosed() {
        return state == QuestionState.CLOSED;
    }

    /** Opened at some point (open or closed): it has ballots whose results can be shown. */
    public boolean isOpened() {
        return state != QuestionState.PREPARED;
    }

    /** When the countdown ends (or ended), on the city's clock; empty without a countdown. */
    public String getClosesAt() {
        return PortalTime.seconds(closesAt);
    }

    /** The same instant in ISO-8601, for data attributes; empty without a countdown. */
    public String getClosesAtIso() {
        return closesAt == null ? "" : closesAt.toString();
    }

    /** Seconds until an open question's countdown closes it; null when it is not counting down. */
    public Long getSecondsLeft() {
        return secondsLeft;
    }

    public boolean isResultsShown() {
        return resultsShown;
    }

    public boolean isAnnounced() {
        return announced;
    }

    public String getCarriedFromText() {
        return carriedFromText;
    }

    /** Ballots cast on phones. */
    public long getBallots() {
        return ballots;
    }

    public long getPaperBallots() {
        return paperBallots;
    }

    public List<OptionCountItem> getCounts() {
        return counts;
    }

    public boolean isOnScreen() {
        return onScreen;
    }

    public boolean isFirstInRound() {
        return firstInRound;
    }

    /** The paper ballots registered as handed out for this question; null before any are registered. */
    public Long getPaperHandedOut() {
        return paperHandedOut;
    }

    /** Paper counts wait for a second person's confirmation. */
    public boolean isPaperPending() {
        return pendingBy != null;
    }

    /** Who entered the pending paper counts. */
    public String getPendingBy() {
        return pendingBy;
    }

    /** When the pending paper counts were entered, on the city's clock. */
    public String getPendingAt() {
        return PortalTime.seconds(pendingAt);
    }

    /** The pending paper count per option id (empty when none waits). */
    public java.util.Map<Long, Long> getPendingPaper() {
        return pendingPaper;
    }

    /** Carrying forward needs a closed question with at least two options (fewer than all of them are carried). */
    public boolean isCanCarry() {
        return isClosed() && counts.size() >= 2;
    }

    /**
     * What decides which actions and inputs the page shows for this question: when it changes, the console draws
     * the whole question again; otherwise only its figures, so that what the operator is typing stays put.
     */
    public String actionsSignature() {
        return pollId + "|" + state + "|" + resultsShown + "|" + announced + "|" + pendingBy + "|" + pendingAt + "|"
                + paperHandedOut + "|" + counts.stream().map(c -> Long.toString(c.getOptionId())).collect(Collectors.joining(","));
    }

    /** Everything the figures part shows that can change while the event runs. */
    public String figuresSignature() {
        return actionsSignature() + "|" + closesAt + "|" + secondsLeft + "|" + ballots + "|" + paperBallots + "|"
                + onScreen + "|" + counts.stream().map(OptionCountItem::counts).collect(Collectors.joining(","));
    }
}
