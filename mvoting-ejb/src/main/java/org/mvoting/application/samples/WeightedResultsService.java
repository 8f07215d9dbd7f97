package org.mvoting.application.samples;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.errors.ResultsNotVisibleException;
import org.mvoting.api.errors.WeightingRefusedException;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.ResultsVisibility;
import org.mvoting.api.samples.WeightedCategory;
import org.mvoting.api.samples.WeightedOption;
import org.mvoting.api.samples.WeightedQuestion;
import org.mvoting.api.samples.WeightedResults;
import org.mvoting.api.samples.WeightedResultsView;
import org.mvoting.api.samples.WeightedStratum;
import org.mvoting.api.samples.WeightingCensus;
import org.mvoting.api.samples.WeightingMethod;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.application.staff.StaffScope;
import org.mvoting.domain.poll.AnswerOption;
import org.mvoting.domain.poll.Poll;
import org.mvoting.domain.poll.Question;
import org.mvoting.domain.sample.SampleDesign;
import org.mvoting.domain.weighting.AgeBand;
import org.mvoting.domain.weighting.CategoryRow;
import org.mvoting.domain.weighting.Convergence;
import org.mvoting.domain.weighting.Dimension;
import org.mvoting.domain.weighting.OptionResult;
import org.mvoting.domain.weighting.RespondentCell;
import org.mvoting.domain.weighting.RespondentSample;
import org.mvoting.domain.weighting.StratumRow;
import org.mvoting.domain.weighting.WeightedSample;
import org.mvoting.domain.weighting.WeightingException;
import org.mvoting.domain.weighting.WeightingSettings;
import org.mvoting.infrastructure.persistence.BallotLedger;
import org.mvoting.infrastructure.persistence.PollRepository;
import org.mvoting.infrastructure.persistence.SampleLedger;

/**
 * Weights a PANEL_SAMPLE poll's per-stratum counts to the census (docs/weighting.md, "How it is wired"). The census
 * is the version the design names, or the newest table when the design names none (a TARGETS design). Only the
 * census strata the design's filters admit count, and a dimension with a single category among them (the design
 * filters it to one value) is not raked: a women-only sample is weighted to women's district and age margins.
 * Ballots of gender OTHER or UNDISCLOSED (possible only in a design that neither stratifies nor filters by gender)
 * are kept, and gender is then not raked at all, since the census counts women and men only; the result says so.
 * A read: nothing is stored, so the same counts and census always give the same figures.
 */
@Stateless
public class WeightedResultsService implements WeightedResults {

    private static final WeightingSettings SETTINGS = WeightingSettings.DEFAULTS;

    @Inject
    private PollRepository polls;

    @Inject
    private SampleLedger samples;

    @Inject
    private BallotLedger ledger;

    @Inject
    private StaffCaller staffCaller;

    @Inject
    private StaffScope scope;

    @Override
    public WeightedResultsView results(UUID pollId, Optional<VoterCredential> caller) {
        // the same rule as BallotBoxService.results: a published poll this caller may read, results as visibility allows
        Poll poll = polls.find(pollId).filter(Poll::isPublished)
                .filter(p -> p.kind() != PollKind.EVENT)
                .filter(p -> p.kind() != PollKind.CITY_TO_STAFF || staffCaller.hasRole(Roles.STAFF))
                .orElseThrow(() -> new PollNotFoundException(pollId));
        requirePanelSample(poll);
        if (poll.status() != PollStatus.CLOSED) {
            boolean visible = switch (poll.resultsVisibility()) {
                case LIVE -> true;
                case AFTER_VOTING -> caller.map(v -> ledger.hasParticipated(pollId, v.voterKey())).orElse(false);
                case AFTER_CLOSE -> false;
            };
            if (!visible) {
                throw new ResultsNotVisibleException(poll.resultsVisibility().name());
            }
        }
        return weigh(poll);
    }

    @Override
    @AllowedRoles({Roles.OPERATOR, Roles.DEPT_HEAD, Roles.EXECUTIVE, Roles.MAYOR_OFFICE, Roles.AUDITOR})
    public WeightedResultsView staffResults(UUID pollId) {
        Poll poll = polls.find(pollId).filter(p -> p.ownerDepartment() != null)
                .orElseThrow(() -> new PollNotFoundException(pollId));
        scope.requireReaderOf(poll.ownerDepartment());
        requirePanelSample(poll);
        // as the per-stratum report (PanelSampleService.stratumReport): strata are read once closed, or live
        if (poll.status() != PollStatus.CLOSED
                && !(poll.status() == PollStatus.OPEN && poll.resultsVisibility() == ResultsVisibility.LIVE)) {
            throw new ResultsNotVisibleException(poll.resultsVisibility().name());
        }
        return weigh(poll);
    }

    private static void requirePanelSample(Poll poll) {
        if (poll.audience() != AudienceType.PANEL_SAMPLE) {
            throw new InvalidPollException("not-panel-sample-audience");
        }
    }

    private WeightedResultsView weigh(Poll poll) {
        UUID pollId = poll.id();
        Optional<SampleDesign> design = samples.design(pollId);
        int version = design.map(SampleDesign::censusVersion)
                .or(() -> samples.latestCensusVersion())
                .orElseThrow(() -> new WeightingRefusedException(WeightingRefusedException.Reason.NO_CENSUS));
        SampleLedger.CensusHeader header = samples.censusHeader(version)
                .orElseThrow(() -> new WeightingRefusedException(WeightingRefusedException.Reason.NO_CENSUS));
        Map<Stratum, Map<Long, Long>> tally = samples.stratumTally(pollId);
        List<RespondentCell> cells = new ArrayList<>();
        for (Map.Entry<Stratum, Map<Long, Long>> stratum : tally.entrySet()) {
            long ballots = stratum.getValue().getOrDefault(BallotLedger.TURNOUT, 0L);
            if (ballots == 0) {
                continue;
            }
            Map<Long, Long> choices = new LinkedHashMap<>(stratum.getValue());
            choices.remove(BallotLedger.TURNOUT);
            cells.add(new RespondentCell(RakingPlan.domain(stratum.getKey()), ballots, choices));
        }
        if (cells.isEmpty()) {
            throw new WeightingRefusedException(WeightingRefusedException.Reason.NO_BALLOTS);
        }
        List<Stratum> sampled = tally.keySet().stream().toList();
        RakingPlan plan = RakingPlan.of(samples.census(version).orElse(Map.of()),
                        stratum -> design.map(d -> d.covers(stratum)).orElse(true), sampled)
                .orElseThrow(() -> new WeightingRefusedException(WeightingRefusedException.Reason.CENSUS_EMPTY, version));

        List<WeightedQuestion> questions = new ArrayList<>();
        WeightedSample weighted = null;
        for (Question question : poll.questions()) {
            List<Long> options = question.options().stream().map(AnswerOption::id).toList();
            List<RespondentCell> questionCells = cells.stream().map(c -> new RespondentCell(c.stratum(), c.ballots(),
                    onlyOptions(c.choices(), options))).toList();
            try {
                weighted = RespondentSample.of(options, questionCells).rakeTo(plan.margins(), SETTINGS);
                weighted.convergence().requireConverged();
            } catch (WeightingException e) {
                throw refusal(e);
            }
            questions.add(question(question, weighted.publish()));
        }
        return new WeightedResultsView(pollId.toString(), poll.title(), poll.status() == PollStatus.CLOSED,
                new WeightingCensus(header.version(), header.title(), header.source(), header.illustrative(),
                plan.population()), method(weighted == null ? null : weighted.convergence(), plan.raked(),
                plan.notRaked()), questions);
    }

    private static Map<Long, Long> onlyOptions(Map<Long, Long> choices, List<Long> options) {
        Map<Long, Long> mine = new LinkedHashMap<>();
        options.forEach(option -> mine.put(option, choices.getOrDefault(option, 0L)));
        return mine;
    }

    private static WeightedQuestion question(Question question, org.mvoting.domain.weighting.WeightedResults result) {
        Map<Long, String> labels = new LinkedHashMap<>();
        question.options().forEach(option -> labels.put(option.id(), option.label()));
        List<WeightedOption> options = new ArrayList<>();
        for (OptionResult option : result.options()) {
            options.add(new WeightedOption(option.optionId(), labels.get(option.optionId()), option.rawCount(),
                    option.rawShare(), option.weightedShare(), option.marginOfError()));
        }
        List<WeightedStratum> strata = new ArrayList<>();
        for (StratumRow row : result.strata()) {
            boolean shown = row.visibility().shown();
            strata.add(new WeightedStratum(row.stratum().district(), row.stratum().gender().name(),
                    row.stratum().ageBand().lowerBound(), row.visibility().name(),
                    shown ? row.ballots().getAsLong() : null, shown ? row.weight().getAsDouble() : null,
                    shown ? row.choices() : null));
        }
        List<WeightedCategory> categories = new ArrayList<>();
        result.categories().forEach((dimension, rows) -> {
            for (CategoryRow row : rows) {
                boolean shown = row.visibility().shown();
                categories.add(new WeightedCategory(dimension.name(), category(row.category()), row.visibility().name(),
                        shown ? row.ballots().getAsLong() : null, shown ? row.weightedShares() : null));
            }
        });
        return new WeightedQuestion(question.id(), question.position(), question.text(), result.ballots(),
                result.effectiveSampleSize(), result.designEffect(), options, strata, categories);
    }

    private static WeightingMethod method(Convergence c, List<String> raked, List<WeightingMethod.NotRaked> notRaked) {
        if (c == null) { // a poll without questions: the constants alone
            return new WeightingMethod(Convergence.Method.RAKING.name(), raked, notRaked, true, 0,
                    SETTINGS.maxIterations(), 0, SETTINGS.tolerance(), SETTINGS.trimRatio(), 0, 0, true, SETTINGS.z(), SETTINGS.suppressionThreshold());
        }
        return new WeightingMethod(c.method().name(), raked, notRaked, c.converged(), c.iterations(),
                c.maxIterations(), c.maxDeviation(), c.tolerance(), c.trimRatio(), c.trimRounds(), c.trimmedStrata(),
                c.capHeld(), SETTINGS.z(),
                SETTINGS.suppressionThreshold());
    }

    private static String category(Object category) {
        return category instanceof AgeBand band ? Integer.toString(band.lowerBound())
                : category instanceof Gender gender ? gender.name() : category.toString();
    }

    /** The arithmetic's refusals as problems an operator can act on; the arguments name the category at fault. */
    private static WeightingRefusedException refusal(WeightingException e) {
        Object[] arguments = e.arguments();
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = arguments[i] instanceof Dimension || arguments[i] instanceof Gender
                    ? arguments[i].toString() : arguments[i] instanceof AgeBand band ? band.lowerBound() : arguments[i];
        }
        WeightingRefusedException.Reason reason = switch (e.reason()) {
            case NO_BALLOTS -> WeightingRefusedException.Reason.NO_BALLOTS;
            case EMPTY_CATEGORY -> WeightingRefusedException.Reason.EMPTY_CATEGORY;
            case UNKNOWN_CATEGORY -> WeightingRefusedException.Reason.UNKNOWN_CATEGORY;
            case NOT_CONVERGED -> WeightingRefusedException.Reason.NOT_CONVERGED;
            // the margins come from one cross-table and nothing is post-stratified: these cannot happen here
            case MARGIN_TOTALS_DIFFER, EMPTY_STRATUM, UNKNOWN_STRATUM -> throw new IllegalStateException(e);
        };
        return new WeightingRefusedException(reason, arguments);
    }
}
