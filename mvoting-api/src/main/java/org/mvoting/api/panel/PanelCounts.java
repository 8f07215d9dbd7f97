package org.mvoting.api.panel;

import jakarta.ejb.Local;

/**
 * How many citizens are on the panel (have a consented profile) in each stratum, for staff from OPERATOR up and
 * AUDITOR. Counts under 5 are never shown, nor can they be worked out from the totals shown beside them.
 */
@Local
public interface PanelCounts {

    PanelStrata strata();
}
