package org.mvoting.domain.mileage;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mvoting.api.mileage.MileageKind;
import org.mvoting.api.mileage.PayeeTotal;

/** Sums over ledger rows: a balance, which awards were reversed, and one total per payee for a payout. */
public final class MileageBalance {

    private MileageBalance() {
    }

    /** The balance: every award plus every (negative) reversal. */
    public static long of(Collection<LedgerEntry> entries) {
        return entries.stream().mapToLong(LedgerEntry::amountWon).sum();
    }

    /** The ids of the awards some reversal among {@code entries} cancels. */
    public static Set<UUID> reversedAwards(Collection<LedgerEntry> entries) {
        return entries.stream().filter(e -> e.kind() == MileageKind.REVERSAL).map(LedgerEntry::reverses)
                .collect(Collectors.toSet());
    }

    /**
     * One total per payee, in the order of their first row: awards and reversals counted, amounts summed (a month
     * holding only a reversal of last month's award nets negative: the finance office recovers or offsets it).
     */
    public static List<PayeeTotal> perPayee(List<LedgerEntry> entries, Function<UUID, String> payeeCode) {
        Map<UUID, long[]> sums = new LinkedHashMap<>();
        for (LedgerEntry e : entries) {
            long[] s = sums.computeIfAbsent(e.citizenId(), id -> new long[3]);
            s[e.kind() == MileageKind.AWARD ? 0 : 1]++;
            s[2] += e.amountWon();
        }
        return sums.entrySet().stream()
                .map(s -> new PayeeTotal(payeeCode.apply(s.getKey()), s.getValue()[0], s.getValue()[1], s.getValue()[2]))
                .toList();
    }
}
