package org.mvoting.domain.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.mvoting.api.events.QuestionState;

/**
 * A question of an {@link Event} as the hall knows it: its round and place, where it stands (its poll's status), whether
 * the big screen shows its results and when it was announced as final, and what it asks (text, most selections, the
 * options in order). Each question is a poll on the ballot engine: {@code pollId} names it; the poll keeps its own
 * lifecycle and ballots. Changed only through its event's verbs.
 */
public final class HallQuestion {

    private final UUID pollId;
    private final int round;
    private final int position;
    private final UUID carriedFrom;
    private final String text;
    private final int maxSelections;
    private final List<Long> optionIds;
    private QuestionState state;
    private boolean resultsShown;
    private Instant announcedAt;
    private Long paperHandedOut;

    public HallQuestion(UUID pollId, int round, int position, UUID carriedFrom, QuestionState state,
                        boolean resultsShown, Instant announcedAt, String text, int maxSelections, List<Long> optionIds) {
        this(pollId, round, position, carriedFrom, state, resultsShown, announcedAt, text, maxSelections, optionIds,
                null);
    }

    /** {@code paperHandedOut}: the paper ballots registered as handed out for it (null: none registered yet). */
    public HallQuestion(UUID pollId, int round, int position, UUID carriedFrom, QuestionState state,
                        boolean resultsShown, Instant announcedAt, String text, int maxSelections, List<Long> optionIds,
                        Long paperHandedOut) {
        this.pollId = Objects.requireNonNull(pollId, "pollId");
        if (round < 1) {
            throw new IllegalArgumentException("round " + round);
        }
        this.round = round;
        this.position = position;
        this.carriedFrom = carriedFrom;
        this.state = Objects.requireNonNull(state, "state");
        this.resultsShown = resultsShown;
        this.announcedAt = announcedAt;
        this.text = Objects.requireNonNull(text, "text");
        this.maxSelections = maxSelections;
        this.optionIds = List.copyOf(optionIds);
        this.paperHandedOut = paperHandedOut;
    }

    /** The paper ballots handed out for this question, if registered. */
    public java.util.Optional<Long> paperHandedOut() {
        return java.util.Optional.ofNullable(paperHandedOut);
    }

    void handOutPaper(long ballots) {
        paperHandedOut = ballots;
    }

    public UUID pollId() {
        return pollId;
    }

    public int round() {
        return round;
    }

    public int position() {
        return position;
    }

    public UUID carriedFrom() {
        return carriedFrom;
    }

    public QuestionState state() {
        return state;
    }

    public boolean resultsShown() {
        return resultsShown;
    }

    public Instant announcedAt() {
        return announcedAt;
    }

    public boolean announced() {
        return announcedAt != null;
    }

    public String text() {
        return text;
    }

    public int maxSelections() {
        return maxSelections;
    }

    public List<Long> optionIds() {
        return optionIds;
    }

    void open() {
        state = QuestionState.OPEN;
    }

    void close() {
        state = QuestionState.CLOSED;
    }

    void showResults(boolean shown) {
        resultsShown = shown;
    }

    void announce(Instant now) {
        if (announcedAt == null) {
            announcedAt = now;
        }
        resultsShown = true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HallQuestion other && pollId.equals(other.pollId);
    }

    @Override
    public int hashCode() {
        return pollId.hashCode();
    }

    @Override
    public String toString() {
        return "HallQuestion[" + pollId + " round " + round + "." + position + " " + state + "]";
    }
}
