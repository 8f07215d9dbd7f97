package org.mvoting.application.samples;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.InvalidSampleDesignException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.errors.ResultsNotVisibleException;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.ResultsVisibility;
import org.mvoting.api.samples.PanelSamples;
import org.mvoting.api.samples.QuestionStrata;
import org.mvoting.api.samples.SampleCellView;
import org.mvoting.api.samples.SampleDesignForm;
import org.mvoting.api.samples.SampleDesignKind;
import org.mvoting.api.samples.SampleDesignView;
import org.mvoting.api.samples.SampleResponses;
import org.mvoting.api.samples.StratumCounts;
import org.mvoting.api.samples.StratumReportRow;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.application.staff.StaffScope;
import org.mvoting.domain.poll.AnswerOption;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.poll.Question;
import org.mvoting.domain.sample.QuotaCell;
import org.mvoting.domain.sample.SampleDesign;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.PollRepository;
import org.mvoting.infrastructure.persistence.SampleLedger;

/**
 * PANEL_SAMPLE designs and counts for staff. The design is the operator's while the poll is a draft; the department
 * head approves it with the poll, and the approval draws ({@link SampleInvitations#drawAndInvite}). Every change is
 * in the audit trail.
 */
@Stateless
public class PanelSampleService implements PanelSamples {

    @Inject
    private PollRepository polls;

    @Inject
    private SampleLedger samples;

    @Inject
    private SampleInvitations invitations;

    @Inject
    private StaffScope scope;

    @Inject
    private StaffCaller caller;

    @Inject
    private AuditTrail audit;

    @Override
    @AllowedRoles(Roles.OPERATOR)
    public SampleDesignView defineDesign(UUID pollId, SampleDesignForm form, String linkBase, Actor actor) {
        Poll poll = existing(pollId);
        scope.requireOperatorOf(poll.ownerDepartment());
        Instant now = Instant.now();
        String by = caller.staffId();
        SampleDesign design = samples.design(pollId).orElse(null);
        if (design == null) {
            design = SampleDesign.define(poll, form, linkBase, by, now);
            samples.add(design);
        } else {
            design.redefine(poll, form, linkBase, by, now);
        }
        Map<Stratum, Long> census = design.kind() == SampleDesignKind.PROPORTIONAL
                ? samples.census(design.censusVersion()).orElseThrow(() ->
                        new InvalidSampleDesignException("census-unknown", form.censusVersion()))
                : Map.of();
        Map<QuotaCell, Integer> targets = design.cellTargets(form.cellTargets() == null ? Map.of() : form.cellTargets(),
                census);
        samples.replaceCells(pollId, targets);
        audit.record(actor(actor), "poll.sample-design", pollId, design.kind() + " " + design.dimensions() + ", "
                + targets.size() + " cells, " + targets.values().stream().mapToInt(Integer::intValue).sum() + " in all"
                + (design.censusVersion() == null ? "" : ", census v" + design.censusVersion()));
        return view(design);
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR})
    public SampleDesignView design(UUID pollId) {
        Poll poll = existing(pollId);
        scope.requireReaderOf(poll.ownerDepartment());
        return view(samples.design(pollId).orElseThrow(() -> new InvalidSampleDesignException("missing")));
    }

    @Override
    @AllowedRoles(Roles.OPERATOR)
    public SampleDesignView inviteReplacements(UUID pollId, Actor actor) {
        Poll poll = existing(pollId);
        scope.requireOperatorOf(poll.ownerDepartment());
        if (poll.status() != PollStatus.OPEN) {
            throw new InvalidPollException("invitations-need-open-poll");
        }
        SampleDesign design = samples.design(pollId).filter(SampleDesign::isDrawn)
                .orElseThrow(() -> new InvalidSampleDesignException("missing"));
        int invited = invitations.replace(poll, design, Instant.now());
        audit.record(actor(actor), "poll.sample-replace", pollId, invited + " replacement invitations");
        return view(design);
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR})
    public List<StratumReportRow> stratumReport(UUID pollId) {
        visible(pollId);
        List<StratumReportRow> rows = new ArrayList<>();
        samples.stratumTally(pollId).forEach((stratum, counts) -> {
            long ballots = counts.getOrDefault(BallotLedger.TURNOUT, 0L);
            boolean small = ballots < SMALL_CELL;
            Map<Long, Long> choices = new LinkedHashMap<>(counts);
            choices.remove(BallotLedger.TURNOUT);
            rows.add(new StratumReportRow(stratum.district().name(), stratum.gender().name(), stratum.ageBand().code(),
                    small, small ? null : ballots, small ? null : choices));
        });
        return rows;
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR})
    public SampleResponses responses(UUID pollId) {
        Poll poll = visible(pollId);
        Map<Stratum, Map<Long, Long>> tally = samples.stratumTally(pollId);
        List<QuestionStrata> questions = new ArrayList<>();
        for (Question question : poll.questions()) {
            List<Long> options = question.options().stream().map(AnswerOption::id).toList();
            List<StratumCounts> strata = new ArrayList<>();
            tally.forEach((stratum, counts) -> {
                Map<Long, Long> choices = new LinkedHashMap<>();
                options.forEach(option -> choices.put(option, counts.getOrDefault(option, 0L)));
                strata.add(new StratumCounts(stratum, counts.getOrDefault(BallotLedger.TURNOUT, 0L), choices));
            });
            questions.add(new QuestionStrata(question.id(), options, strata));
        }
        Integer census = samples.design(pollId).map(SampleDesign::censusVersion).orElse(null);
        return new SampleResponses(pollId.toString(), poll.status() == PollStatus.CLOSED, census, questions);
    }

    /** A PANEL_SAMPLE poll of a department the caller reads, whose results may be seen now (closed, or live). */
    private Poll visible(UUID pollId) {
        Poll poll = existing(pollId);
        scope.requireReaderOf(poll.ownerDepartment());
        if (poll.audience() != AudienceType.PANEL_SAMPLE) {
            throw new InvalidPollException("not-panel-sample-audience");
        }
        if (poll.status() != PollStatus.CLOSED
                && !(poll.status() == PollStatus.OPEN && poll.resultsVisibility() == ResultsVisibility.LIVE)) {
            throw new ResultsNotVisibleException(poll.resultsVisibility().name());
        }
        return poll;
    }

    private SampleDesignView view(SampleDesign d) {
        List<SampleCellView> cells = samples.cells(d.pollId()).stream()
                .map(c -> new SampleCellView(c.cell(), c.target(), c.filled(), c.invited(), c.drawn())).toList();
        return new SampleDesignView(d.pollId().toString(), d.kind(), d.dimensions(), d.targetPerCell(), d.totalN(),
                d.censusVersion(), d.filterGender(), d.filterMinAge(), d.filterMaxAge(), List.copyOf(d.districts()),
                d.overdraw(), d.replaceAfterMinutes(), d.seed() == null ? null : HexFormat.of().formatHex(d.seed()),
                d.algorithm(), d.drawnAt(), cells);
    }

    private Actor actor(Actor given) {
        return new Actor(caller.staffId(), given == null ? null : given.source());
    }

    private Poll existing(UUID pollId) {
        return polls.find(pollId).filter(p -> p.ownerDepartment() != null)
                .orElseThrow(() -> new PollNotFoundException(pollId));
    }
}
