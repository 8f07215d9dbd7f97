package org.mvoting.domain.moderation;

/** Something found in a text, before it becomes a {@link ScreeningHit}: where it stands and how it is quoted. */
record Found(ScreeningCategory category, int start, int end, String match) {

    boolean liesWithin(Found other) {
        return category == other.category && other.start <= start && end <= other.end && !equals(other);
    }
}
