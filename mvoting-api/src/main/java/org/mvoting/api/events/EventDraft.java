package org.mvoting.api.events;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** What an event operator sets up: title, when, where, the agenda, and whether it is a rehearsal. */
public record EventDraft(@NotBlank @Size(max = TITLE_LENGTH) String title, @NotNull Instant startsAt,
                         @NotBlank @Size(max = VENUE_LENGTH) String venue, @Size(max = AGENDA_LENGTH) String agenda,
                         boolean rehearsal) {

    public static final int TITLE_LENGTH = 200;
    public static final int VENUE_LENGTH = 200;
    public static final int AGENDA_LENGTH = 4000;
}
