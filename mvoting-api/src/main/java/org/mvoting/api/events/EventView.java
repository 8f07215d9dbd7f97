package org.mvoting.api.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An event as its operators see it, with its join code, its department, who created it, and how many participants
 * and tokens it has ({@code tokensPending}: issued and waiting for a second person).
 */
public record EventView(UUID id, String joinCode, String title, Instant startsAt, String venue, String agenda,
                        boolean rehearsal, long participants, long tokensIssued, long tokensUsed, long tokensPending,
                        String departmentCode, String createdBy) {
}
