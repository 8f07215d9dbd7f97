package org.mvoting.api.policycycle;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A step the department records: its stage, the day it happened (in the city's calendar) and a short text.
 * {@code corrects} names the step this entry corrects (the stage's current entry); without it the entry is the
 * stage's first.
 */
public record PolicyStepEntry(@NotNull PolicyStage stage, @NotNull LocalDate date,
                              @NotBlank @Size(max = SUMMARY_LENGTH) String summary, UUID corrects) {

    /** The most characters of a step's text: a few sentences, as the public results page shows them. */
    public static final int SUMMARY_LENGTH = 500;
}
