package org.mvoting.api.polls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A poll in full, as a voter reads it before voting; {@code mileageWon}: what a signed-in citizen earns by answering. */
public record PollView(UUID id, PollKind kind, PollStatus status, String title, String description,
                       String department, Instant opensAt, Instant closesAt, AudienceType audience,
                       AssuranceLevel minimumAssurance, ResultsVisibility resultsVisibility,
                       List<QuestionView> questions, int mileageWon) {
}
