package org.mvoting.api.ballots;

import java.util.List;
import org.mvoting.api.polls.QuestionType;

/** Results for one question. */
public record QuestionResult(long questionId, String text, QuestionType type, List<OptionResult> options) {
}
