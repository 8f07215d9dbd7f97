package org.mvoting.api.polls;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A poll as staff manage it: its workflow state, who did what, and its staff audience. */
public record PollRecord(UUID id, PollKind kind, PollStatus status, String title, String departmentCode,
                         String departmentName, Instant opensAt, Instant closesAt, AudienceType audience,
                         String createdBy, Instant createdAt, String submittedBy, String decidedBy,
                         String rejectionReason, String shortCode, List<String> audienceUnits,
                         List<String> audiencePeople, int questionCount, Long finalBallots) {
}
