package org.mvoting.application.samples;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.sample.SampleDesign;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.PollRepository;
import org.mvoting.infrastructure.persistence.SampleLedger;

/** The timer's replacement run for one poll, in its own transaction (one poll's failure leaves the others alone). */
@Stateless
public class SampleReplacement {

    private static final Actor SCHEDULER = new Actor("system:scheduler", "timer");

    @Inject
    private PollRepository polls;

    @Inject
    private SampleLedger samples;

    @Inject
    private SampleInvitations invitations;

    @Inject
    private AuditTrail audit;

    /** Invites replacements where the cells need them; audited only when someone was invited. */
    public int replaceFor(UUID pollId) {
        Poll poll = polls.find(pollId).filter(p -> p.status() == PollStatus.OPEN && p.acceptsBallotsAt(Instant.now()))
                .orElse(null);
        SampleDesign design = samples.design(pollId).filter(SampleDesign::isDrawn).orElse(null);
        if (poll == null || design == null) {
            return 0;
        }
        int invited = invitations.replace(poll, design, Instant.now());
        if (invited > 0) {
            audit.record(SCHEDULER, "poll.sample-replace", pollId, invited + " replacement invitations");
        }
        return invited;
    }
}
