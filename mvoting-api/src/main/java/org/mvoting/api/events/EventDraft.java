package org.mvoting.api.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** What an event operator sets up: title, when, where, the agenda, and whether it is a rehearsal. */
public record EventDraft(@NotBlank @Size(max = 200) String title, @NotNull Instant startsAt,
                         @NotBlank @Size(max = 200) String venue, @Size(max = 4000) String agenda, boolean rehearsal) {
}
