package org.mvoting.application.ballots;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.mvoting.domain.poll.BallotRules;
import org.mvoting.domain.poll.Poll;

/**
 * Keeps each published poll's ballot rules so the vote path does not reload questions and options for
 * every ballot. Safe on every node of a cluster: a published poll's questions never change.
 */
@ApplicationScoped
public class BallotRulesCache {

    private static final int MAX_POLLS = 10_000;

    private final Map<UUID, BallotRules> rules = new ConcurrentHashMap<>();

    BallotRules of(Poll poll) {
        if (!poll.isPublished()) {
            return poll.ballotRules();
        }
        if (rules.size() > MAX_POLLS) {
            rules.clear();
        }
        return rules.computeIfAbsent(poll.id(), id -> poll.ballotRules());
    }
}
