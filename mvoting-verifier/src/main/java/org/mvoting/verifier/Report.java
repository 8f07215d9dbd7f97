package org.mvoting.verifier;

import java.util.List;

/**
 * What a check found: how many chained events and checkpoints it recomputed, the events before the chain start
 * (recorded by the migration that began the chain; not covered), and the findings (none when the trail is intact).
 */
public record Report(long chainedEvents, long checkpoints, long eventsBeforeChain, List<Finding> findings) {

    public Report {
        findings = List.copyOf(findings);
    }

    public boolean intact() {
        return findings.isEmpty();
    }
}
