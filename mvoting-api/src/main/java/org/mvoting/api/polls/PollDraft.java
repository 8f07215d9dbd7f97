package org.mvoting.api.polls;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A department poll as an operator submits it. Defaults: OPEN audience, SMS_VERIFIED, AFTER_VOTING. Its limits are
 * the ones every poll shares (the table's columns, the domain's checks, the portal's editor); more than
 * {@link #MAX_QUESTIONS} questions is refused by the poll itself (too-many-questions). {@code mileageWon} is what a
 * signed-in citizen earns for taking part (null or 0 pays nothing; only city-to-citizen polls may pay). One constructor
 * only: JSON-B builds the record through it.
 */
public record PollDraft(
        @NotBlank @Size(max = 32) String departmentCode,
        PollKind kind,
        @NotBlank @Size(max = PollDraft.TITLE_LENGTH) String title,
        @Size(max = PollDraft.DESCRIPTION_LENGTH) String description,
        @NotNull Instant opensAt,
        @NotNull Instant closesAt,
        AudienceType audience,
        AssuranceLevel minimumAssurance,
        ResultsVisibility resultsVisibility,
        @NotNull @Size(min = 1) List<@Valid @NotNull QuestionDraft> questions,
        @Min(0) @Max(PollDraft.MAX_MILEAGE_WON) Integer mileageWon) {

    /** Questions one poll may ask. */
    public static final int MAX_QUESTIONS = 5;
    /** Characters in a poll's title. */
    public static final int TITLE_LENGTH = 200;
    /** Characters in a poll's description. */
    public static final int DESCRIPTION_LENGTH = 4000;

    /** The most mileage one poll may pay one citizen, in won (the table's check holds the same line). */
    public static final int MAX_MILEAGE_WON = 10_000;
    /** What the portal offers for a policy poll: the city's standard participation reward, in won. */
    public static final int POLICY_MILEAGE_WON = 100;

    public PollDraft {
        mileageWon = mileageWon == null ? 0 : mileageWon;
        kind = kind == null ? PollKind.CITY_TO_CITIZEN : kind;
        audience = audience == null ? AudienceType.OPEN : audience;
        minimumAssurance = minimumAssurance == null ? AssuranceLevel.SMS_VERIFIED : minimumAssurance;
        resultsVisibility = resultsVisibility == null ? ResultsVisibility.AFTER_VOTING : resultsVisibility;
        questions = questions == null ? null : Collections.unmodifiableList(new ArrayList<>(questions)); // keeps null elements for Bean Validation to report
    }
}
