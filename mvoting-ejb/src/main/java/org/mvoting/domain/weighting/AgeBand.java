package org.mvoting.domain.weighting;

/**
 * A ten-year age band named by its lower bound: 10 (10–19; the panel starts at 14), 20 (20–29), … Bands are the
 * census's own, so the top band is whatever the census table's last row says; this type does not cap it.
 */
public record AgeBand(int lowerBound) implements Comparable<AgeBand> {

    public static final int WIDTH = 10;

    public AgeBand {
        if (lowerBound < 0 || lowerBound % WIDTH != 0) {
            throw new IllegalArgumentException("an age band starts at a multiple of " + WIDTH + ": " + lowerBound);
        }
    }

    /** The band of someone aged {@code age} in completed years. */
    public static AgeBand ofAge(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("age " + age);
        }
        return new AgeBand(age / WIDTH * WIDTH);
    }

    /** "40–49", the census's way of writing it. */
    public String label() {
        return lowerBound + "–" + (lowerBound + WIDTH - 1);
    }

    @Override
    public int compareTo(AgeBand other) {
        return Integer.compare(lowerBound, other.lowerBound);
    }

    @Override
    public String toString() {
        return label();
    }
}
