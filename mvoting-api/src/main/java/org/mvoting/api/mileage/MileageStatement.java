package org.mvoting.api.mileage;

import java.util.List;

/** A citizen's own mileage: the code the finance office pays them under, the balance and the newest lines. */
public record MileageStatement(String payeeCode, long balanceWon, List<MileageLine> history) {

    public MileageStatement {
        history = List.copyOf(history);
    }
}
