/** Mileage: the awards the ballot engine writes, the reversals of a removed poll, and the statements, overviews and payouts read from the ledger. */
package org.mvoting.application.mileage;
