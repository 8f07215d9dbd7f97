package org.mvoting.application.citizenpolls;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.mvoting.domain.moderation.Screening;
import org.mvoting.domain.moderation.ScreeningCategory;
import org.mvoting.domain.moderation.ScreeningHit;
import org.mvoting.domain.moderation.WordLists;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.persistence.CitizenPollLedger;

/** Screens a citizen's poll with the built-in word lists plus the words moderators added. */
@ApplicationScoped
public class PollScreening {

    private static final WordLists BUILT_IN = WordLists.defaults();

    @Inject
    private CitizenPollLedger ledger;

    public List<ScreeningHit> screen(Poll poll) {
        WordLists lists = BUILT_IN;
        for (Map.Entry<String, List<String>> added : ledger.moderatorWords().entrySet()) {
            lists = lists.with(ScreeningCategory.valueOf(added.getKey()), added.getValue());
        }
        return new Screening(lists).screenAll(CitizenPollService.texts(poll));
    }
}
