package org.mvoting.domain.weighting;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The ballots of one stratum for one question: how many there are and, per option id, how many chose it. A
 * multi-choice question lets one ballot choose several options, so the choices may add up to more than the
 * ballots; no option can be chosen by more ballots than there are.
 */
public record RespondentCell(Stratum stratum, long ballots, Map<Long, Long> choices) {

    public RespondentCell {
        Objects.requireNonNull(stratum, "stratum");
        if (ballots < 1) {
            throw new IllegalArgumentException("a cell holds at least one ballot: " + stratum + " has " + ballots);
        }
        TreeMap<Long, Long> copy = new TreeMap<>();
        for (Map.Entry<Long, Long> choice : Objects.requireNonNull(choices, "choices").entrySet()) {
            long count = choice.getValue();
            if (count < 0 || count > ballots) {
                throw new IllegalArgumentException(stratum + ": option " + choice.getKey() + " chosen " + count
                        + " times by " + ballots + " ballots");
            }
            copy.put(choice.getKey(), count);
        }
        choices = Map.copyOf(copy);
    }

    /** Ballots in this stratum that chose the option (0 when none did). */
    public long chose(long optionId) {
        return choices.getOrDefault(optionId, 0L);
    }
}
