package org.mvoting.api.citizenpolls;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.ResultsVisibility;

/**
 * What a citizen writes to ask other citizens: the same one to five questions as a city poll, when it closes
 * (it opens when published), who may find and vote in it, for a password-protected poll its password, and for an
 * invite-only poll the phone numbers of the people concerned.
 */
public record CitizenPollDraft(@NotBlank @Size(max = PollDraft.TITLE_LENGTH) String title,
                               @Size(max = PollDraft.DESCRIPTION_LENGTH) String description,
                               @NotNull Instant closesAt,
                               @NotNull CitizenPollVisibility visibility,
                               @Size(max = 64) String password,
                               ResultsVisibility resultsVisibility,
                               @NotNull @Size(min = 1, max = PollDraft.MAX_QUESTIONS) List<@Valid @NotNull QuestionDraft> questions,
                               @Size(max = MAX_INVITEES) List<@NotNull @Size(max = 32) String> invitees) {

    /** Phone numbers one invite-only poll may name when it is created (the mobile web's m/limits.js agrees). */
    public static final int MAX_INVITEES = 500;
}
