package org.mvoting.api.ballots;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A filled-in ballot: one mark per question. */
public record BallotPaper(@NotNull @Size(min = 1, max = 5) List<@Valid @NotNull AnswerMark> answers) {

    public BallotPaper {
        answers = answers == null ? null : Collections.unmodifiableList(new ArrayList<>(answers)); // keeps null elements for Bean Validation to report
    }
}
