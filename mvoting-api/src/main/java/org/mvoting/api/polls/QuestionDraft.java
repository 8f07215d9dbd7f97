package org.mvoting.api.polls;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A question as its author writes it. YES_NO needs no options (예/아니오 are supplied); SCALE may give
 * {@code scaleMax} instead of options (1..scaleMax). Selection bounds default from the type when null.
 */
public record QuestionDraft(
        @NotNull QuestionType type,
        @NotBlank @Size(max = 1000) String text,
        @Size(max = 30) List<@NotBlank @Size(max = 300) String> options,
        Integer minSelections,
        Integer maxSelections,
        Integer scaleMax) {

    public QuestionDraft {
        options = options == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(options));
    }
}
