package org.mvoting.application.polls;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.polls.Actor;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.PollRepository;

/**
 * Tells the audience of a staff poll approved ahead of its opening, once the opening has come: one transaction per
 * poll, driven by {@link PollClosingTimer} (the poll schedule's once-per-cluster job). The claim of the waiting
 * notices is one statement, so an overlap with another node or with the approval itself tells nobody twice.
 */
@Stateless
public class StaffPollOpenings {

    private static final Actor SCHEDULER = new Actor("system:scheduler", "timer");

    @Inject
    private StaffPollNotices notices;

    @Inject
    private PollRepository polls;

    @Inject
    private AuditTrail audit;

    public List<UUID> pollsDue(Instant now) {
        return notices.pollsDue(now);
    }

    public void notifyOpened(UUID pollId, Instant now) {
        polls.find(pollId).filter(poll -> poll.acceptsBallotsAt(now)).ifPresent(poll -> {
            int sent = notices.sendWaiting(poll, now);
            if (sent > 0) {
                audit.record(SCHEDULER, "poll.staff-notice", pollId, "staff notified: " + sent);
            }
        });
    }
}
