package org.mvoting.api.citizenpolls;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.polls.Actor;

/** The moderators' queue (role MODERATOR); every decision goes to the audit trail. */
@Local
public interface Moderation {

    /** Held and hidden citizen polls, oldest first. */
    List<ModerationCase> queue();

    /** Opens a held poll, or shows a hidden one again (its open reports are dismissed). */
    void restore(UUID pollId, Actor actor);

    /** Removes a poll with a reason its proposer sees: no more ballots, out of every list; the record stays. */
    void remove(UUID pollId, String reason, Actor actor);

    /** Dismisses the poll's open reports and shows it again if they had hidden it. */
    void dismissReports(UUID pollId, Actor actor);

    /** The words moderators added to the screening lists, by category (ABUSIVE, POLITICAL, COMMERCIAL). */
    java.util.Map<String, List<String>> addedWords();

    /** Adds a word to a screening list (ABUSIVE, POLITICAL or COMMERCIAL); it applies to polls created from now on. */
    void addWord(String category, String word, Actor actor);

    /** Removes a word a moderator had added. */
    void removeWord(String category, String word, Actor actor);
}
