package org.mvoting.api.events;

import jakarta.ejb.Local;
import java.util.Map;
import java.util.UUID;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.QuestionDraft;

/**
 * The event operator's console. Questions are prepared beforehand or posted on the spot; opening one puts it on
 * every screen; a countdown closes it by itself. A new round can carry the top options of a closed question
 * forward. Paper counts are kept apart from phone ballots and shown combined; they are bounded by the paper ballots
 * registered as handed out, and count only once a second person confirmed them.
 */
@Local
public interface EventConsole {

    EventConsoleView console(UUID eventId);

    /** A prepared question in the given round (1 or more). */
    EventQuestion addQuestion(UUID eventId, int round, QuestionDraft draft, Actor actor);

    /** Opens voting and puts the question on the screens; {@code countdownSeconds} 0 means until closed by hand. */
    EventQuestion openQuestion(UUID eventId, UUID pollId, int countdownSeconds, Actor actor);

    EventQuestion closeQuestion(UUID eventId, UUID pollId, Actor actor);

    /** Shows (or hides) this question's results on the big screen; it becomes the question on the screens. */
    EventQuestion showResults(UUID eventId, UUID pollId, boolean shown, Actor actor);

    /**
     * A prepared question in the next round with the {@code topN} options of a closed question, by combined count
     * (options tied with the last one carried are carried too).
     */
    EventQuestion carryForward(UUID eventId, UUID pollId, int topN, Actor actor);

    /** Registers how many paper ballots were handed out for the question (the bound of its paper counts). */
    EventQuestion registerPaperBallots(UUID eventId, UUID pollId, long handedOut, Actor actor);

    /**
     * The paper count per option id, waiting for a second person (it replaces an earlier pending entry); no count,
     * and not the counts together, may exceed the paper ballots registered.
     */
    EventQuestion enterPaperCounts(UUID eventId, UUID pollId, Map<Long, Long> paperCounts, Actor actor);

    /**
     * Confirms the pending paper counts (they replace the question's counts and show in its results) or declines them
     * (discarded); by another operator of the event or the department head, never the one who entered them.
     */
    EventQuestion decidePaperCounts(UUID eventId, UUID pollId, boolean confirm, Actor actor);

    /** Announces a closed question's result as final: shown on every screen, marked final. */
    EventQuestion announceFinal(UUID eventId, UUID pollId, Actor actor);
}
