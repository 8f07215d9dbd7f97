package org.mvoting.application.polls;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.polls.PollCatalog;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollSummary;
import org.mvoting.api.polls.PollView;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.persistence.PollRepository;

/** The public side of polls: what is open, and each published poll in full. */
@Stateless
public class PollCatalogService implements PollCatalog {

    static final int MAX_PAGE_SIZE = 100;
    static final int MAX_PAGE = 100_000;

    @Inject
    private PollRepository polls;

    /** Wider than the codes we issue (8 of a 31-letter alphabet) so that older or longer codes keep working. */
    private static final Pattern SHORT_CODE = Pattern.compile("[a-z0-9]{4,16}");

    @Inject
    private StaffCaller caller;

    @Override
    public PageOf<PollSummary> openPolls(int page, int size) {
        int safePage = Math.min(Math.max(page, 0), MAX_PAGE);
        int safeSize = Math.min(Math.max(size, 1), MAX_PAGE_SIZE);
        Instant now = Instant.now();
        return new PageOf<>(polls.openPolls(now, safePage * safeSize, safeSize).stream().map(PollViews::summary).toList(),
                safePage, safeSize, polls.countOpenPolls(now));
    }

    @Override
    public PollView poll(UUID pollId) {
        // A staff poll's questions are internal: only staff (portal, Basic or mobile-office token) read them.
        // an event's question is read on the hall's screens (/events/{code}/state), not here
        return polls.find(pollId).filter(Poll::isPublished).filter(p -> p.kind() != PollKind.EVENT)
                .filter(p -> p.kind() != PollKind.CITY_TO_STAFF || caller.hasRole(Roles.STAFF))
                .map(PollViews::of)
                .orElseThrow(() -> new PollNotFoundException(pollId));
    }

    @Override
    public Optional<UUID> pollIdForShortCode(String code) {
        // Checked before the query: anything typed into a URL reaches this method.
        if (code == null || !SHORT_CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        return polls.byShortCode(code).filter(Poll::isPublished).map(Poll::id);
    }
}
