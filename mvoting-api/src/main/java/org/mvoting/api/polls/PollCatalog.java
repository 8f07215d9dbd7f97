package org.mvoting.api.polls;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.UUID;

/** What anyone may read about polls. */
@Local
public interface PollCatalog {

    PageOf<PollSummary> openPolls(int page, int size);

    /** A published poll (open or closed); drafts and removed polls are not found. */
    PollView poll(UUID pollId);

    /** The published poll a short link ({@code /p/{code}}) points to; empty for unknown codes, drafts and removed polls. */
    Optional<UUID> pollIdForShortCode(String code);
}
