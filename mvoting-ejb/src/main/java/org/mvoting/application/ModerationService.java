package org.mvoting.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.citizenpolls.ModerationCase;
import org.mvoting.api.citizenpolls.Moderation;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.CitizenPollLedger;
import org.mvoting.infrastructure.persistence.PollRepository;

/** The moderators' decisions on citizens' polls; each one is in the audit trail. */
@Stateless
public class ModerationService implements Moderation {

    @Inject
    private PollRepository polls;

    @Inject
    private CitizenPollLedger ledger;

    @Inject
    private AuditTrail audit;

    @Inject
    private StaffCaller caller;

    @Override
    @AllowedRoles({Roles.MODERATOR, Roles.AUDITOR})
    public List<ModerationCase> queue() {
        return ledger.moderationQueue().stream().map(p -> new ModerationCase(p.id(), p.title(), p.status(), p.isHidden(),
                p.createdAt(), ledger.findings(p.id()), ledger.openReportsByReason(p.id()), CitizenPollService.texts(p)))
                .toList();
    }

    @Override
    @AllowedRoles(Roles.MODERATOR)
    public void restore(UUID pollId, Actor actor) {
        Poll poll = citizenPoll(pollId);
        Instant now = Instant.now();
        poll.restoreByModerator(caller.staffId(), now);
        ledger.dismissReports(pollId, now);
        audit.record(actor, "moderation.restore", pollId, poll.title());
    }

    @Override
    @AllowedRoles(Roles.MODERATOR)
    public void remove(UUID pollId, String reason, Actor actor) {
        Poll poll = citizenPoll(pollId);
        poll.removeByModerator(caller.staffId(), reason);
        audit.record(actor, "moderation.remove", pollId, reason.strip());
    }

    @Override
    @AllowedRoles(Roles.MODERATOR)
    public void dismissReports(UUID pollId, Actor actor) {
        Poll poll = citizenPoll(pollId);
        Instant now = Instant.now();
        ledger.dismissReports(pollId, now);
        if (poll.isHidden()) {
            poll.restoreByModerator(caller.staffId(), now);
        }
        audit.record(actor, "moderation.dismiss-reports", pollId, poll.title());
    }

    private Poll citizenPoll(UUID pollId) {
        return polls.find(pollId).filter(p -> p.kind() == PollKind.CITIZEN_TO_CITIZEN)
                .orElseThrow(() -> new PollNotFoundException(pollId));
    }
}
