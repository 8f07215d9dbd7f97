package org.mvoting.domain.mileage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.InvalidMileageMonthException;
import org.mvoting.api.mileage.MileageKind;
import org.mvoting.api.mileage.PayeeTotal;

/** The ledger's rules: awards positive, reversals their negation naming them, sums, payee totals, payout months. */
class MileageLedgerRulesTest {

    private static final UUID ANNA = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID BORA = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    private static final UUID POLL_1 = UUID.randomUUID();
    private static final UUID POLL_2 = UUID.randomUUID();
    private static final LocalDate NOV_30 = LocalDate.of(2026, 11, 30);
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    @Test
    void aReversalIsTheAwardNegatedAndNamesIt() {
        LedgerEntry award = LedgerEntry.award(ANNA, POLL_1, 100, NOV_30);
        LedgerEntry reversal = award.reversal(DEC_1);
        assertEquals(MileageKind.REVERSAL, reversal.kind());
        assertEquals(-100, reversal.amountWon());
        assertEquals(award.id(), reversal.reverses());
        assertEquals(ANNA, reversal.citizenId());
        assertEquals(POLL_1, reversal.pollId());
        assertEquals(DEC_1, reversal.day());
        assertNotEquals(award.id(), reversal.id());
        assertThrows(IllegalStateException.class, () -> reversal.reversal(DEC_1), "a reversal is not reversed");
    }

    @Test
    void rowsThatBreakTheRulesCannotBeMade() {
        assertThrows(IllegalArgumentException.class, () -> LedgerEntry.award(ANNA, POLL_1, 0, NOV_30));
        assertThrows(IllegalArgumentException.class, () -> LedgerEntry.award(ANNA, POLL_1, -5, NOV_30));
        assertThrows(IllegalArgumentException.class, () -> new LedgerEntry(UUID.randomUUID(), ANNA, POLL_1,
                MileageKind.REVERSAL, -100, DEC_1, null), "a reversal must name its award");
        assertThrows(IllegalArgumentException.class, () -> new LedgerEntry(UUID.randomUUID(), ANNA, POLL_1,
                MileageKind.REVERSAL, 100, DEC_1, UUID.randomUUID()), "a reversal is negative");
        assertThrows(IllegalArgumentException.class, () -> new LedgerEntry(UUID.randomUUID(), ANNA, POLL_1,
                MileageKind.AWARD, 100, DEC_1, UUID.randomUUID()), "an award names nothing");
    }

    @Test
    void theBalanceIsTheSumAndTheReversedAwardsAreKnown() {
        LedgerEntry first = LedgerEntry.award(ANNA, POLL_1, 100, NOV_30);
        LedgerEntry second = LedgerEntry.award(ANNA, POLL_2, 300, DEC_1);
        LedgerEntry undo = first.reversal(DEC_1);
        List<LedgerEntry> rows = List.of(first, second, undo);
        assertEquals(300, MileageBalance.of(rows));
        assertEquals(Set.of(first.id()), MileageBalance.reversedAwards(rows));
        assertEquals(0, MileageBalance.of(List.of()));
    }

    @Test
    void aPayoutTotalsEachPayeeAndAReversalAloneNetsNegative() {
        LedgerEntry annaDec = LedgerEntry.award(ANNA, POLL_2, 100, DEC_1);
        LedgerEntry boraNovUndone = LedgerEntry.award(BORA, POLL_1, 100, NOV_30).reversal(DEC_1);
        LedgerEntry annaDecAgain = LedgerEntry.award(ANNA, POLL_1, 250, DEC_1);
        List<PayeeTotal> totals = MileageBalance.perPayee(List.of(annaDec, boraNovUndone, annaDecAgain),
                id -> id.equals(ANNA) ? "MV-A" : "MV-B");
        assertEquals(List.of(new PayeeTotal("MV-A", 2, 0, 350), new PayeeTotal("MV-B", 0, 1, -100)), totals);
    }

    @Test
    void aPayeeCodeIsStableShortAndShowsNoMoreThanItsDigest() {
        byte[] digest = new byte[32];
        for (int i = 0; i < digest.length; i++) {
            digest[i] = (byte) (i * 17 + 3);
        }
        String code = PayeeCode.of(digest);
        assertEquals(code, PayeeCode.of(digest.clone()));
        assertTrue(code.matches("MV-[0-9A-F]{5}-[0-9A-F]{5}-[0-9A-F]{5}"), code);
        assertEquals("MV-03142-53647-58697", code);
        digest[0] ^= 1;
        assertNotEquals(code, PayeeCode.of(digest));
        assertThrows(IllegalArgumentException.class, () -> PayeeCode.of(new byte[4]));
    }

    @Test
    void aMonthIsTheCitysCalendarMonth() {
        MileageMonth december = MileageMonth.parse("2026-12");
        assertEquals(DEC_1, december.firstDay());
        assertEquals(LocalDate.of(2026, 12, 31), december.lastDay());
        assertTrue(december.contains(DEC_1));
        assertFalse(december.contains(NOV_30));
        assertEquals(YearMonth.of(2024, 2), MileageMonth.of(LocalDate.of(2024, 2, 29)).month());
        assertEquals(LocalDate.of(2024, 2, 29), MileageMonth.of(LocalDate.of(2024, 2, 29)).lastDay());
        for (String bad : new String[] {"2026-13", "2026/12", "", "December", "1999-12"}) {
            assertEquals("mileage-month-invalid",
                    assertThrows(InvalidMileageMonthException.class, () -> MileageMonth.parse(bad)).code(), bad);
        }
        assertThrows(InvalidMileageMonthException.class, () -> MileageMonth.parse(null));
    }
}
