package org.mvoting.api.samples;

/**
 * The census table version the weights were raked to, its source, whether it is illustrative (the demo's: not real
 * figures, and every result weighted to it says so), and N: the people within the design's filters.
 */
public record WeightingCensus(int version, String title, String source, boolean illustrative, long population) {
}
