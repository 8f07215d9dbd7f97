/** PANEL_SAMPLE polls: designs, the draw at approval, invitations and replacements (timer), per-stratum counts. */
package org.mvoting.application.samples;
