package org.mvoting.domain.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.mvoting.api.errors.PolicyCycleException;
import org.mvoting.api.errors.PolicyCycleException.Reason;
import org.mvoting.api.policycycle.PolicyStage;
import org.mvoting.api.policycycle.PolicyStepEntry;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.domain.poll.Poll;

/**
 * A city poll's policy cycle: every entry ever recorded for it, and the rules for the next one.
 *
 * <ul>
 *   <li>Only a city-to-citizen poll has one, and only once it has closed: the cycle is what the poll led to.</li>
 *   <li>Stages in order: agenda, decision, execution, evaluation; a stage only after every earlier one.</li>
 *   <li>Each step is a day in the city's calendar: not before the poll's last day, not after today, and not before
 *       the earlier stage's day (nor, for a correction, after the later stage's).</li>
 *   <li>Nothing is edited: a correction is a new entry naming the stage's current one, which it replaces on the
 *       public page; the replaced entry stays in the history.</li>
 * </ul>
 */
public final class PolicyCycle {

    private final Poll poll;
    private final List<PolicyStep> entries;

    private PolicyCycle(Poll poll, List<PolicyStep> entries) {
        this.poll = Objects.requireNonNull(poll, "poll");
        this.entries = new ArrayList<>(entries);
        this.entries.sort(Comparator.comparing(PolicyStep::recordedAt));
    }

    /** The cycle of this poll from its recorded entries (any order). */
    public static PolicyCycle of(Poll poll, List<PolicyStep> entries) {
        return new PolicyCycle(poll, entries);
    }

    /** Whether this poll can have a cycle at all (a city poll to citizens). */
    public static boolean applies(Poll poll) {
        return poll.kind() == PollKind.CITY_TO_CITIZEN;
    }

    /** The current entry of each recorded stage (the one no later entry replaces), in stage order. */
    public Map<PolicyStage, PolicyStep> current() {
        Set<java.util.UUID> replaced = new HashSet<>();
        entries.stream().map(PolicyStep::replacesId).filter(Objects::nonNull).forEach(replaced::add);
        Map<PolicyStage, PolicyStep> current = new EnumMap<>(PolicyStage.class);
        for (PolicyStep step : entries) {
            if (!replaced.contains(step.id())) {
                current.put(step.stage(), step);
            }
        }
        return current;
    }

    /** Entries later corrected, newest first. */
    public List<PolicyStep> corrected() {
        Set<PolicyStep> now = new HashSet<>(current().values());
        List<PolicyStep> earlier = new ArrayList<>(entries.stream().filter(s -> !now.contains(s)).toList());
        earlier.sort(Comparator.comparing(PolicyStep::recordedAt).reversed());
        return earlier;
    }

    /** The stage to record next: null before the poll closed, for a poll without a cycle, or once it is complete. */
    public PolicyStage next() {
        if (!applies(poll) || poll.status() != PollStatus.CLOSED) {
            return null;
        }
        Map<PolicyStage, PolicyStep> current = current();
        for (PolicyStage stage : PolicyStage.values()) {
            if (!current.containsKey(stage)) {
                return stage;
            }
        }
        return null;
    }

    /** The poll's last day in the city's calendar: a step cannot be earlier. */
    public LocalDate pollEndedOn(ZoneId cityZone) {
        Instant end = poll.closedAt() != null ? poll.closedAt() : poll.schedule().closesAt();
        return LocalDate.ofInstant(end, cityZone);
    }

    /** Records the entry (a stage's first, or a correction of its current entry) and returns the new step. */
    public PolicyStep record(PolicyStepEntry entry, String recordedBy, Instant now, ZoneId cityZone) {
        if (!applies(poll)) {
            throw new PolicyCycleException(Reason.NOT_A_CITY_POLL);
        }
        if (poll.status() != PollStatus.CLOSED) {
            throw new PolicyCycleException(Reason.POLL_NOT_CLOSED);
        }
        PolicyStage stage = Objects.requireNonNull(entry.stage(), "stage");
        Map<PolicyStage, PolicyStep> current = current();
        PolicyStep replaced = current.get(stage);
        if (entry.corrects() == null) {
            if (replaced != null) {
                throw new PolicyCycleException(Reason.STAGE_ALREADY_RECORDED, replaced.id());
            }
            PolicyStage due = next();
            if (stage != due) {
                throw new PolicyCycleException(Reason.STAGE_OUT_OF_ORDER, due);
            }
        } else if (replaced == null || !replaced.id().equals(entry.corrects())) {
            throw new PolicyCycleException(Reason.NOT_CURRENT_STEP, replaced == null ? "-" : replaced.id());
        }
        LocalDate date = Objects.requireNonNull(entry.date(), "date");
        LocalDate ended = pollEndedOn(cityZone);
        if (date.isBefore(ended)) {
            throw new PolicyCycleException(Reason.DATE_BEFORE_POLL_CLOSED, ended);
        }
        if (date.isAfter(LocalDate.ofInstant(now, cityZone))) {
            throw new PolicyCycleException(Reason.DATE_IN_FUTURE, date);
        }
        PolicyStep earlier = stage.previous() == null ? null : current.get(stage.previous());
        if (earlier != null && date.isBefore(earlier.occurredOn())) {
            throw new PolicyCycleException(Reason.DATE_BEFORE_EARLIER_STAGE, earlier.stage(), earlier.occurredOn());
        }
        PolicyStep later = stage.following() == null ? null : current.get(stage.following());
        if (later != null && date.isAfter(later.occurredOn())) {
            throw new PolicyCycleException(Reason.DATE_AFTER_LATER_STAGE, later.stage(), later.occurredOn());
        }
        String summary = entry.summary() == null ? "" : entry.summary().strip();
        if (summary.isEmpty() || summary.length() > PolicyStepEntry.SUMMARY_LENGTH) {
            throw new PolicyCycleException(Reason.SUMMARY_INVALID, PolicyStepEntry.SUMMARY_LENGTH);
        }
        PolicyStep step = new PolicyStep(poll.id(), stage, date, summary, replaced == null ? null : replaced.id(),
                Objects.requireNonNull(recordedBy, "recordedBy"), now);
        entries.add(step);
        return step;
    }

    /** The entry with this id, if this poll has it. */
    public java.util.Optional<PolicyStep> step(java.util.UUID stepId) {
        return entries.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }
}
