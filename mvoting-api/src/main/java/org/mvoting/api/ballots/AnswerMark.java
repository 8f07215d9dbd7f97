package org.mvoting.api.ballots;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The voter's answer to one question: the chosen option ids, in preference order for RANKING. */
public record AnswerMark(@NotNull Long questionId, @NotNull @Size(max = 30) List<@NotNull Long> optionIds) {

    public AnswerMark {
        optionIds = optionIds == null ? null : Collections.unmodifiableList(new ArrayList<>(optionIds)); // keeps null elements for Bean Validation to report
    }
}
