package org.mvoting.api.polls;

/** One answer option as voters see it. */
public record OptionView(long id, int position, String label) {
}
