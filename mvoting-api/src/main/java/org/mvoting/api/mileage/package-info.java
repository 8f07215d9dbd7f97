/** Mileage for taking part in city polls: a citizen's balance and history, the auditors' view and the finance office's monthly payout. */
package org.mvoting.api.mileage;
