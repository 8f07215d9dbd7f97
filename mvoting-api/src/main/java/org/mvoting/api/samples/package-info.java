/** PANEL_SAMPLE polls: the sample design, the seeded draw, quota cells and per-stratum counts. */
package org.mvoting.api.samples;
