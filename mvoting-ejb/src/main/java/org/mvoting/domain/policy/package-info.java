/** The policy cycle of a city poll: its steps in stage order, corrected by new entries, never edited. */
package org.mvoting.domain.policy;
