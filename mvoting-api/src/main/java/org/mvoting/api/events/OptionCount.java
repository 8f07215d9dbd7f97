package org.mvoting.api.events;

/**
 * One option's count in an event question: ballots cast on phones, the paper count entered by the operator, and the
 * two combined (what the big screen shows as the result).
 */
public record OptionCount(long optionId, int position, String label, long phone, long paper, long combined) {
}
