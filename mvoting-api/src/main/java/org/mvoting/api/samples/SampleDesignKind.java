package org.mvoting.api.samples;

/**
 * TARGETS: a target per quota cell (the same for each, "100 per district", or one per cell); PROPORTIONAL: a total N
 * shared among the cells in proportion to a census table version (largest remainder).
 */
public enum SampleDesignKind {
    TARGETS, PROPORTIONAL
}
