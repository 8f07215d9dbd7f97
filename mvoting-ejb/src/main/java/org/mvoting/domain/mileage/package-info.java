/** Mileage for taking part: the ledger's rules (an award once, a reversal once and negative), balances, payee codes and payout months. */
package org.mvoting.domain.mileage;
