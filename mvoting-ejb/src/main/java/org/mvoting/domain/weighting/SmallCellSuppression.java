package org.mvoting.domain.weighting;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hides breakdown rows with fewer ballots than the threshold, and enough others that no hidden row can be worked
 * out by subtraction from the totals published in the same result.
 *
 * <p>The published totals are: the grand total (n and each option's count), each shown category's total in each
 * dimension, and each shown stratum. The rule:
 * <ol>
 *   <li>Categories (one dimension at a time): hide every category under the threshold. If that hides exactly one
 *       category of a dimension that has more, also hide the smallest shown category of that dimension (secondary
 *       suppression), since the grand total minus the shown categories would give the hidden one away.</li>
 *   <li>Strata: hide every stratum under the threshold, and every stratum in a hidden category (otherwise the shown
 *       strata of a hidden category would add up to it).</li>
 *   <li>For every published total over strata (the grand total, and each shown category's total), if exactly one
 *       of its strata is hidden, hide its smallest shown stratum as well; a shown category made of a single
 *       stratum that is hidden is hidden too (its total would be that stratum).</li>
 * </ol>
 * The steps repeat until nothing changes (each pass only hides, so it ends).
 * After this every published total that covers a hidden row covers at least two hidden rows, so subtraction leaves
 * a sum of at least two unknowns. When everything is hidden only the totals remain, which is the fallback the rule
 * allows. Ties go to the first row in stratum or category order, so the result is reproducible. This defends
 * against differencing within one result; it does not claim to defeat every linear-programming bound an attacker
 * might compute across several releases (the poll's results are released once, at closing).
 */
final class SmallCellSuppression {

    private final int threshold;

    SmallCellSuppression(int threshold) {
        this.threshold = threshold;
    }

    /** Which categories and strata may be shown. */
    record Plan(Map<Dimension, Map<Object, Visibility>> categories, Map<Stratum, Visibility> strata) {
    }

    /** Applies the rule to the ballots per stratum (in the map's order, which also breaks ties). */
    Plan plan(Map<Stratum, Long> ballots) {
        Map<Dimension, Map<Object, Long>> categoryBallots = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            Map<Object, Long> byCategory = new TreeMap<>();
            ballots.forEach((stratum, count) -> byCategory.merge(stratum.category(dimension), count, Long::sum));
            categoryBallots.put(dimension, byCategory);
        }
        Map<Dimension, Map<Object, Visibility>> categories = new EnumMap<>(Dimension.class);
        categoryBallots.forEach((dimension, byCategory) -> {
            Map<Object, Visibility> rows = new LinkedHashMap<>();
            byCategory.forEach((category, count) -> rows.put(category, smallOrShown(count)));
            categories.put(dimension, rows);
        });
        Map<Stratum, Visibility> strata = new LinkedHashMap<>();
        ballots.forEach((stratum, count) -> strata.put(stratum, smallOrShown(count)));

        boolean changed = true;
        while (changed) {
            changed = false;
            for (Dimension dimension : Dimension.values()) {
                changed |= hideSecondIfOnlyOneHidden(new ArrayList<>(categoryBallots.get(dimension).keySet()),
                        categoryBallots.get(dimension), categories.get(dimension));
            }
            for (Map.Entry<Stratum, Visibility> stratum : strata.entrySet()) {
                if (stratum.getValue().shown() && inHiddenCategory(stratum.getKey(), categories)) {
                    stratum.setValue(Visibility.SUPPRESSED_COMPLEMENT);
                    changed = true;
                }
            }
            changed |= hideSecondIfOnlyOneHidden(new ArrayList<>(ballots.keySet()), ballots, strata);
            for (Dimension dimension : Dimension.values()) {
                for (Map.Entry<Object, Visibility> category : categories.get(dimension).entrySet()) {
                    if (!category.getValue().shown()) {
                        continue;
                    }
                    List<Stratum> members = ballots.keySet().stream()
                            .filter(stratum -> stratum.category(dimension).equals(category.getKey())).toList();
                    if (members.size() == 1 && !strata.get(members.get(0)).shown()) {
                        // A category of one hidden stratum would publish that stratum under another name.
                        category.setValue(Visibility.SUPPRESSED_COMPLEMENT);
                        changed = true;
                    } else {
                        changed |= hideSecondIfOnlyOneHidden(members, ballots, strata);
                    }
                }
            }
        }
        return new Plan(categories, strata);
    }

    private Visibility smallOrShown(long count) {
        return count < threshold ? Visibility.SUPPRESSED_SMALL : Visibility.SHOWN;
    }

    private static boolean inHiddenCategory(Stratum stratum, Map<Dimension, Map<Object, Visibility>> categories) {
        for (Map.Entry<Dimension, Map<Object, Visibility>> dimension : categories.entrySet()) {
            Visibility visibility = dimension.getValue().get(stratum.category(dimension.getKey()));
            if (visibility != null && !visibility.shown()) {
                return true;
            }
        }
        return false;
    }

    /** Within one published total: exactly one hidden member and another to hide → hide the smallest shown one. */
    private static <K> boolean hideSecondIfOnlyOneHidden(List<K> members, Map<K, Long> ballots, Map<K, Visibility> rows) {
        int hidden = 0;
        K smallestShown = null;
        for (K member : members) {
            if (!rows.get(member).shown()) {
                hidden++;
            } else if (smallestShown == null || ballots.get(member) < ballots.get(smallestShown)) {
                smallestShown = member;
            }
        }
        if (hidden == 1 && smallestShown != null) {
            rows.put(smallestShown, Visibility.SUPPRESSED_COMPLEMENT);
            return true;
        }
        return false;
    }
}
