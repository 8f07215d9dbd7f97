package org.mvoting.api.events;

import jakarta.ejb.Local;
import java.util.Map;
import java.util.UUID;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.QuestionDraft;

/**
 * The event operator's console. Questions are prepared beforehand or posted on the spot; opening one puts it on
 * every screen; a countdown closes it by itself. A new round can carry the top options of a closed question
 * forward. Paper counts are kept apart from phone ballots and shown combined.
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

    /** The paper count per option id, replacing an earlier entry for this question. */
    EventQuestion enterPaperCounts(UUID eventId, UUID pollId, Map<Long, Long> paperCounts, Actor actor);

    /** Announces a closed question's result as final: shown on every screen, marked final. */
    EventQuestion announceFinal(UUID eventId, UUID pollId, Actor actor);
}
