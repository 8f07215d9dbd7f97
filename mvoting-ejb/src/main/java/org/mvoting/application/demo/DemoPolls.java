package org.mvoting.application.demo;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.PollView;
import org.mvoting.application.polls.PollViews;
import org.mvoting.domain.organization.Department;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.poll.Schedule;
import org.mvoting.infrastructure.persistence.PolicyCycleRepository;
import org.mvoting.infrastructure.persistence.PollRepository;

/** Opens the demo's polls straight through the aggregate's workflow (no staff session exists at startup). */
@Stateless
public class DemoPolls {

    private static final String SEEDER = "system:demo";

    @Inject
    private PollRepository polls;

    @Inject
    private PolicyCycleRepository cycles;

    /**
     * The closed demo poll's first policy-cycle step, so the results page shows one (dated today: the poll closed
     * today). Straight through the aggregate, like the polls: no staff session, no notice to anyone.
     */
    public void recordAgenda(java.util.UUID pollId, String summary) {
        Poll poll = polls.find(pollId).orElseThrow();
        Instant now = Instant.now();
        cycles.add(org.mvoting.domain.policy.PolicyCycle.of(poll, cycles.steps(pollId)).record(
                new org.mvoting.api.policycycle.PolicyStepEntry(org.mvoting.api.policycycle.PolicyStage.AGENDA,
                        java.time.LocalDate.ofInstant(now, org.mvoting.api.settings.CitySettings.timeZone()), summary, null),
                SEEDER, now, org.mvoting.api.settings.CitySettings.timeZone()));
    }

    public PollView open(PollDraft draft, String departmentName) {
        Department department = polls.department(draft.departmentCode()).orElseGet(() -> {
            Department created = new Department(draft.departmentCode(), departmentName);
            polls.addDepartment(created);
            return created;
        });
        Instant now = Instant.now();
        Poll poll = Poll.draftedBy(department, draft.kind(), draft.title(), draft.description(),
                new Schedule(draft.opensAt(), draft.closesAt()), draft.audience(), draft.minimumAssurance(),
                draft.resultsVisibility(), SEEDER, now);
        draft.questions().forEach(poll::addQuestion);
        poll.offerMileage(draft.mileageWon());
        poll.submit(SEEDER, now);
        poll.approveBy(SEEDER, now);
        polls.add(poll);
        return PollViews.of(poll);
    }
}
