package org.mvoting.api.polls;

import java.util.List;

/** One question with its options and how many may be selected. */
public record QuestionView(long id, int position, QuestionType type, String text,
                           int minSelections, int maxSelections, List<OptionView> options) {
}
