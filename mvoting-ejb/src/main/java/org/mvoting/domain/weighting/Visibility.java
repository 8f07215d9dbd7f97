package org.mvoting.domain.weighting;

/** Whether a breakdown row may be shown, and if not, why (the portal writes "<5" only for the first kind). */
public enum Visibility {
    SHOWN,
    /** Fewer ballots than the threshold (5): hidden for the secrecy of the few who answered. */
    SUPPRESSED_SMALL,
    /** Enough ballots, hidden so that a small row cannot be worked out from the totals shown beside it. */
    SUPPRESSED_COMPLEMENT;

    public boolean shown() {
        return this == SHOWN;
    }
}
