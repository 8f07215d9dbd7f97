package org.mvoting.api.samples;

/** One quota cell: its code ("GANGNAM/*&#47;*"), target, slots filled by ballots, members invited and drawn. */
public record SampleCellView(String cell, int target, int filled, int invited, int drawn) {
}
