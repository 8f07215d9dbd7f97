package org.mvoting.domain.poll;

/**
 * One option chosen on an accepted ballot. {@code rank} is the preference position for RANKING questions
 * (null otherwise); {@code points} are its Borda points there (n options: first gets n, last ranked gets
 * n - rank + 1), else 0.
 */
public record Mark(long questionId, long optionId, Integer rank, int points) {
}
