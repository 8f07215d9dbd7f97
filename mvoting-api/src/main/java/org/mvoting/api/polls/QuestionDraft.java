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
        @NotBlank @Size(max = QuestionDraft.TEXT_LENGTH) String text,
        @Size(max = QuestionDraft.MAX_OPTIONS) List<@NotBlank @Size(max = QuestionDraft.OPTION_LENGTH) String> options,
        Integer minSelections,
        Integer maxSelections,
        Integer scaleMax) {

    /** Characters in a question's text. */
    public static final int TEXT_LENGTH = 1000;
    /** Options a choice question needs at least. */
    public static final int MIN_OPTIONS = 2;
    /** Options one question may offer. */
    public static final int MAX_OPTIONS = 30;
    /** Characters in one option's label. */
    public static final int OPTION_LENGTH = 300;
    /** The largest scale a SCALE question may have (1..MAX_SCALE). */
    public static final int MAX_SCALE = 10;

    public QuestionDraft {
        options = options == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(options));
    }
}
