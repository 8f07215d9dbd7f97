package org.mvoting.application.policycycle;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.errors.PolicyCycleException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.policycycle.PolicyCycleView;
import org.mvoting.api.policycycle.PolicyCycles;
import org.mvoting.api.policycycle.PolicyDocumentFile;
import org.mvoting.api.policycycle.PolicyStepEntry;
import org.mvoting.api.policycycle.PolicyStepView;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.application.staff.StaffScope;
import org.mvoting.domain.organization.StaffMember;
import org.mvoting.domain.policy.PolicyCycle;
import org.mvoting.domain.policy.PolicyDocument;
import org.mvoting.domain.policy.PolicyStep;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.PolicyCycleRepository;
import org.mvoting.infrastructure.persistence.PollRepository;

/**
 * The policy cycle. Recording takes the poll's policy-cycle lock, so two staff recording at once see each other's step
 * (stages stay in order, a stage gets one first entry, the decision is announced once); the step, its audit entry
 * and the decision's messages commit together.
 */
@Stateless
public class PolicyCycleService implements PolicyCycles {

    @Inject
    private PollRepository polls;

    @Inject
    private PolicyCycleRepository cycles;

    @Inject
    private StaffScope scope;

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private AuditTrail audit;

    @Inject
    private DecisionNotices notices;

    @Override
    public PolicyCycleView cycle(UUID pollId) {
        Poll poll = publicPoll(pollId);
        return view(poll, PolicyCycle.of(poll, cycles.steps(pollId)));
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD})
    public PolicyStepView record(UUID pollId, PolicyStepEntry entry, String linkBase, Actor actor) {
        Poll poll = polls.find(pollId).orElseThrow(() -> new PollNotFoundException(pollId));
        if (!PolicyCycle.applies(poll)) {
            throw new PolicyCycleException(PolicyCycleException.Reason.NOT_A_CITY_POLL);
        }
        StaffMember me = scope.requireOwnStaffOf(poll.ownerDepartment());
        locks.exclusive(AdvisoryLocks.Space.POLICY_CYCLE, pollId);
        PolicyCycle cycle = PolicyCycle.of(poll, cycles.steps(pollId));
        Instant now = Instant.now();
        PolicyStep step = cycle.record(entry, me.staffId(), now, CitySettings.timeZone());
        cycles.add(step);
        Actor who = new Actor(me.staffId(), actor == null ? null : actor.source());
        audit.record(who, step.replacesId() == null ? "policy.record" : "policy.correct", pollId,
                step.stage() + " " + step.occurredOn() + " " + step.id()
                        + (step.replacesId() == null ? "" : " replaces " + step.replacesId()));
        if (step.isFirstDecision() && !cycles.decisionNoticed(pollId)) {
            DecisionNotices.Sent sent = notices.send(poll, step, linkBase, now);
            cycles.recordDecisionNotice(pollId, step.id(), sent.pushes(), sent.texts(), now);
            audit.record(who, "policy.decision-notice", pollId,
                    "app installations notified: " + sent.pushes() + ", SMS queued: " + sent.texts());
        }
        return view(step, null);
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD})
    public PolicyStepView attachDocument(UUID pollId, UUID stepId, String fileName, byte[] content, Actor actor) {
        Poll poll = polls.find(pollId).orElseThrow(() -> new PollNotFoundException(pollId));
        StaffMember me = scope.requireOwnStaffOf(poll.ownerDepartment());
        locks.exclusive(AdvisoryLocks.Space.POLICY_CYCLE, pollId);
        PolicyStep step = PolicyCycle.of(poll, cycles.steps(pollId)).step(stepId)
                .orElseThrow(() -> new NotFoundException("policy-step-not-found", stepId));
        if (cycles.document(stepId).isPresent()) {
            throw new PolicyCycleException(PolicyCycleException.Reason.DOCUMENT_ATTACHED);
        }
        PolicyDocument document = PolicyDocument.pdf(step, fileName, content, me.staffId(), Instant.now());
        cycles.add(document);
        audit.record(new Actor(me.staffId(), actor == null ? null : actor.source()), "policy.attach-document", pollId,
                step.stage() + " " + stepId + ": " + document.fileName() + " (" + document.byteSize() + " bytes)");
        return view(step, new PolicyStepView.DocumentInfo(document.fileName(), document.byteSize()));
    }

    @Override
    public PolicyDocumentFile document(UUID pollId, UUID stepId) {
        Poll poll = publicPoll(pollId);
        PolicyCycle.of(poll, cycles.steps(pollId)).step(stepId)
                .orElseThrow(() -> new NotFoundException("policy-document-not-found", stepId));
        PolicyDocument document = cycles.document(stepId)
                .orElseThrow(() -> new NotFoundException("policy-document-not-found", stepId));
        return new PolicyDocumentFile(document.fileName(), document.content());
    }

    /** A published city-to-citizen poll: the public sees its cycle as it sees the poll itself. */
    private Poll publicPoll(UUID pollId) {
        return polls.find(pollId).filter(Poll::isPublished).filter(PolicyCycle::applies)
                .orElseThrow(() -> new PollNotFoundException(pollId));
    }

    private PolicyCycleView view(Poll poll, PolicyCycle cycle) {
        Map<UUID, Object[]> documents = cycles.documentInfo(poll.id());
        List<PolicyStepView> steps = cycle.current().values().stream()
                .map(s -> view(s, info(documents.get(s.id())))).toList();
        List<PolicyStepView> corrected = cycle.corrected().stream()
                .sorted(Comparator.comparing(PolicyStep::recordedAt).reversed())
                .map(s -> view(s, info(documents.get(s.id())))).toList();
        return new PolicyCycleView(poll.id(), poll.ownerDepartment().name(), steps, corrected, cycle.next());
    }

    private static PolicyStepView.DocumentInfo info(Object[] row) {
        return row == null ? null : new PolicyStepView.DocumentInfo((String) row[0], (Integer) row[1]);
    }

    private static PolicyStepView view(PolicyStep step, PolicyStepView.DocumentInfo document) {
        return new PolicyStepView(step.id(), step.stage(), step.occurredOn(), step.summary(), step.recordedAt(),
                step.replacesId(), document);
    }
}
