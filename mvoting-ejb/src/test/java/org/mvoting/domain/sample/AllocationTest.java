package org.mvoting.domain.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationTest {

    private static Map<String, Long> weights(Object... pairs) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], ((Number) pairs[i + 1]).longValue());
        }
        return map;
    }

    @Test
    void wholeQuotasFirstThenTheLargestRemainders() {
        // 10 seats over 50 / 30 / 20 % → 5 / 3 / 2 exactly
        assertEquals(Map.of("a", 5, "b", 3, "c", 2), Allocation.largestRemainder(10, weights("a", 500, "b", 300, "c", 200)));
        // Hamilton's textbook case: quotas 4.2857 / 2.5714 / 3.1428 (sum 10): wholes 4+2+3 = 9, the seat left goes to b (.5714)
        assertEquals(Map.of("a", 4, "b", 3, "c", 3), Allocation.largestRemainder(10, weights("a", 3000, "b", 1800, "c", 2200)));
    }

    @Test
    void alwaysAddsUpToTheTotalAndTiesGoToTheFirstCell() {
        Map<String, Integer> seats = Allocation.largestRemainder(2, weights("a", 1, "b", 1, "c", 1));
        assertEquals(Map.of("a", 1, "b", 1, "c", 0), seats);
        Map<String, Integer> many = Allocation.largestRemainder(1000, weights("a", 9_729_107, "b", 3, "c", 1_234_567, "d", 77));
        assertEquals(1000, many.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(0, many.get("b"));
    }

    @Test
    void aCellWithNobodyGetsNothingAndAllZeroIsRefused() {
        assertEquals(Map.of("a", 7, "b", 0), Allocation.largestRemainder(7, weights("a", 10, "b", 0)));
        assertThrows(IllegalArgumentException.class, () -> Allocation.largestRemainder(7, weights("a", 0)));
        assertThrows(IllegalArgumentException.class, () -> Allocation.largestRemainder(-1, weights("a", 1)));
    }
}
