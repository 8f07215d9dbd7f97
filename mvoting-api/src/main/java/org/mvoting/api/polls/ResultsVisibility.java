package org.mvoting.api.polls;

/** When results may be shown to voters: always, once the caller has voted, or only after close. */
public enum ResultsVisibility {
    LIVE, AFTER_VOTING, AFTER_CLOSE
}
