package org.mvoting.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.errors.DepartmentNotFoundException;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.DepartmentView;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.PollView;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.domain.identity.PhoneNumber;
import org.mvoting.domain.organization.Department;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.poll.Schedule;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.PollRepository;
import org.mvoting.infrastructure.persistence.TallyCount;

/** Department poll administration; every change is written to the audit trail in the same transaction. */
@Stateless
public class PollAdministrationService implements PollAdministration {

    private static final Logger LOG = Logger.getLogger(PollAdministrationService.class.getName());

    @Inject
    private PollRepository polls;

    @Inject
    private BallotLedger ledger;

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private AuditTrail audit;

    @Inject
    private BallotMixer mixer;

    @Inject
    private ServerSecrets secrets;

    @Override
    public DepartmentView registerDepartment(DepartmentView department, Actor actor) {
        polls.department(department.code()).ifPresentOrElse(
                existing -> existing.rename(department.name()),
                () -> polls.addDepartment(new Department(department.code(), department.name())));
        audit.record(actor, "department.register", department.code(), department.name());
        return department;
    }

    @Override
    public PollView createPoll(PollDraft draft, Actor actor) {
        Department department = polls.department(draft.departmentCode())
                .orElseThrow(() -> new DepartmentNotFoundException(draft.departmentCode()));
        Poll poll = Poll.draftedBy(department, draft.kind(), draft.title(), draft.description(),
                new Schedule(draft.opensAt(), draft.closesAt()), draft.audience(), draft.minimumAssurance(),
                draft.resultsVisibility(), actor.name(), Instant.now());
        draft.questions().forEach(poll::addQuestion);
        polls.add(poll);
        audit.record(actor, "poll.create", poll.id(), poll.title());
        return PollViews.of(poll);
    }

    @Override
    public PollView addQuestion(UUID pollId, QuestionDraft question, Actor actor) {
        Poll poll = existing(pollId);
        poll.addQuestion(question);
        polls.assignIds();
        audit.record(actor, "poll.add-question", pollId, question.text());
        return PollViews.of(poll);
    }

    @Override
    public PollView publish(UUID pollId, Actor actor) {
        Poll poll = existing(pollId);
        poll.submitForApproval();
        poll.approve(Instant.now());
        audit.record(actor, "poll.publish", pollId, null);
        return PollViews.of(poll);
    }

    @Override
    public ResultsView close(UUID pollId, Actor actor) {
        // Exclusive: waits until ballots already in flight have committed, and holds new ones back until
        // the poll is closed, so the recount below sees every ballot there will ever be.
        locks.exclusive(AdvisoryLocks.Space.POLL, pollId);
        Poll poll = existing(pollId);
        poll.close(Instant.now());
        mixer.mixPoll(pollId); // whatever still waits in the inbox, however few
        Map<Long, TallyCount> recount = ledger.recount(pollId);
        Map<Long, TallyCount> live = ledger.liveTally(pollId);
        boolean agreed = sameCounts(recount, live);
        if (!agreed) {
            LOG.severe(() -> "Live tally of poll " + pollId + " differs from the recount: live=" + live
                    + " recount=" + recount);
        }
        ledger.storeFinalTally(pollId, recount);
        poll.recordFinalResult(recount.getOrDefault(BallotLedger.TURNOUT, new TallyCount(0, 0)).votes(), agreed);
        audit.record(actor, "poll.close", pollId, "ballots=" + poll.finalBallots() + " verified=" + agreed);
        return PollViews.results(poll, recount, true);
    }

    private static boolean sameCounts(Map<Long, TallyCount> a, Map<Long, TallyCount> b) {
        return a.size() == b.size() && a.entrySet().stream().allMatch(e -> e.getValue().equals(b.get(e.getKey())));
    }

    @Override
    public int listVoters(UUID pollId, List<String> phoneNumbers, boolean replaceExisting, Actor actor) {
        Poll poll = existing(pollId);
        if (poll.audience() != AudienceType.LISTED) {
            throw new InvalidPollException("not-listed-audience");
        }
        if (poll.status() != PollStatus.DRAFT && poll.status() != PollStatus.OPEN) {
            throw new InvalidPollException("listed-voters-frozen");
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        for (String typed : phoneNumbers) {
            PhoneNumber phone = PhoneNumber.parse(typed);
            keys.putIfAbsent(phone.e164(), secrets.voterKey(phone));
        }
        if (replaceExisting) {
            ledger.clearListedVoters(pollId);
        }
        ledger.addListedVoters(pollId, new ArrayList<>(keys.values()));
        int listed = ledger.countListedVoters(pollId);
        audit.record(actor, replaceExisting ? "poll.list-voters" : "poll.add-listed-voters", pollId,
                keys.size() + " numbers given, " + listed + " listed");
        return listed;
    }

    @Override
    public ResultsView results(UUID pollId) {
        Poll poll = existing(pollId);
        return poll.status() == PollStatus.CLOSED
                ? PollViews.results(poll, ledger.finalTally(pollId), true)
                : PollViews.results(poll, ledger.liveTally(pollId), false);
    }

    private Poll existing(UUID pollId) {
        return polls.find(pollId).orElseThrow(() -> new PollNotFoundException(pollId));
    }
}
