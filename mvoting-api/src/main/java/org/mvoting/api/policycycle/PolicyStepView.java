package org.mvoting.api.policycycle;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One recorded step as the public reads it. {@code corrects} is the earlier entry this one replaced (null for a
 * stage's first entry); {@code document} is its attached PDF, or null.
 */
public record PolicyStepView(UUID id, PolicyStage stage, LocalDate date, String summary, Instant recordedAt,
                             UUID corrects, DocumentInfo document) {

    /** The attached PDF: GET /polls/{pollId}/policy-cycle/steps/{stepId}/document serves it. */
    public record DocumentInfo(String fileName, int byteSize) {
    }
}
