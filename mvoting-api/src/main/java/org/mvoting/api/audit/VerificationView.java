package org.mvoting.api.audit;

import java.util.List;

/**
 * What the verifier found: the first event that breaks the chain and any checkpoint or poll that no longer matches
 * ({@code findings}, empty when {@code intact}), and how much it recomputed. Events before the chain start are not
 * covered and only counted.
 */
public record VerificationView(boolean intact, long chainedEvents, long checkpoints, long eventsBeforeChain,
                               List<String> findings) {

    public VerificationView {
        findings = List.copyOf(findings);
    }
}
