/** Casting ballots, checking receipts and reading results. */
package org.mvoting.api.ballots;
