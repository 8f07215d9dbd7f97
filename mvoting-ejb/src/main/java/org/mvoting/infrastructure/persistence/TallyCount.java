package org.mvoting.infrastructure.persistence;

/** Votes and ranking points counted for one option (or, under option id 0, the number of ballots). */
public record TallyCount(long votes, long points) {
}
