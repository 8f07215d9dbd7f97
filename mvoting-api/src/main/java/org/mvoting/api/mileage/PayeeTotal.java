package org.mvoting.api.mileage;

/** What one payee earned in a month: awards, reversals and the net amount to pay (negative: to recover). */
public record PayeeTotal(String payeeCode, long awards, long reversals, long netWon) {
}
