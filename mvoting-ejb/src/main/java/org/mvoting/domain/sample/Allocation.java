package org.mvoting.domain.sample;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Shares a whole number among cells in proportion to their weights (census populations) by the largest remainder
 * (Hamilton) method: each cell gets the whole part of its exact quota, and the seats left over go to the largest
 * fractional parts, ties to the cell listed first. Exact in integer arithmetic, so the result never depends on
 * floating point and always adds up to the total.
 */
public final class Allocation {

    private Allocation() {
    }

    /** {@code total} shared among the keys of {@code weights} (in their iteration order); weights must not all be 0. */
    public static <K> Map<K, Integer> largestRemainder(int total, Map<K, Long> weights) {
        Objects.requireNonNull(weights, "weights");
        if (total < 0) {
            throw new IllegalArgumentException("total " + total);
        }
        BigInteger sum = BigInteger.ZERO;
        for (long w : weights.values()) {
            if (w < 0) {
                throw new IllegalArgumentException("negative weight " + w);
            }
            sum = sum.add(BigInteger.valueOf(w));
        }
        if (sum.signum() == 0) {
            throw new IllegalArgumentException("all weights are zero");
        }
        Map<K, Integer> seats = new LinkedHashMap<>();
        List<K> keys = new ArrayList<>(weights.keySet());
        BigInteger[] remainders = new BigInteger[keys.size()];
        int given = 0;
        for (int i = 0; i < keys.size(); i++) {
            BigInteger[] qr = BigInteger.valueOf(total).multiply(BigInteger.valueOf(weights.get(keys.get(i))))
                    .divideAndRemainder(sum);
            seats.put(keys.get(i), qr[0].intValueExact());
            remainders[i] = qr[1];
            given += qr[0].intValueExact();
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            order.add(i);
        }
        // largest remainder first; a stable sort keeps ties in the weights' order
        order.sort((a, b) -> remainders[b].compareTo(remainders[a]));
        for (int i = 0; i < total - given; i++) {
            seats.merge(keys.get(order.get(i)), 1, Integer::sum);
        }
        return seats;
    }
}
