package org.mvoting.api.samples;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.identity.VoterCredential;

/**
 * Weighted results of a PANEL_SAMPLE poll (issue 17, part 5): the per-stratum counts raked to the census margins
 * within the design's filters, beside the raw shares, with Kish's effective sample size, design effect and a 95 %
 * margin of error per option, and breakdowns with small strata suppressed (docs/weighting.md).
 */
@Local
public interface WeightedResults {

    /**
     * For anyone, when the poll's results visibility allows the caller to see its raw results now (closed; LIVE;
     * AFTER_VOTING once the caller voted), exactly as {@code GET /polls/{id}/results}.
     */
    WeightedResultsView results(UUID pollId, Optional<VoterCredential> caller);

    /** For staff who read the poll's department, when its per-stratum counts may be read (closed, or LIVE). */
    WeightedResultsView staffResults(UUID pollId);
}
