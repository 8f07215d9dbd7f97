/** Casting ballots (BallotBox), the sealed inbox's mixing into clear tallies, and the timer that mixes. */
package org.mvoting.application.ballots;
