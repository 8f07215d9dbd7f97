package org.mvoting.domain.moderation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The words of one category, prepared once. Entries without Hangul are matched as whole words, case-insensitively,
 * so a listed "ass" is not found in "class"; their words may be joined by any spaces, hyphens or underscores.
 * Entries with Hangul are looked for in the {@link CollapsedText}, because Korean words take endings
 * (씨발놈, 지방선거) and are spread out to get past filters (씨.발, 씨 1 발).
 *
 * <p>Closing gaps also joins innocent neighbours: "김 씨 발언" reads "김씨발언". So a Korean word found only by
 * closing a gap its entry does not have counts only if it stands alone, with no letter or digit right before or
 * after it ("씨 . 발" counts, "아저씨 발표" does not). An entry's own spaces ("대통령 선거") are no such gap.
 */
final class WordMatcher {

    private static final String LATIN_BOUNDARY = "[\\p{IsLatin}\\p{Nd}]";

    private final ScreeningCategory category;
    /** Every Latin entry in one alternation, longest first; null when there are none. */
    private final Pattern latinWords;
    private final List<KoreanWord> koreanWords;

    WordMatcher(ScreeningCategory category, Set<String> entries) {
        this.category = category;
        List<String> latin = new ArrayList<>();
        List<KoreanWord> korean = new ArrayList<>();
        for (String entry : entries) {
            if (entry.chars().anyMatch(c -> CollapsedText.isHangul((char) c))) {
                korean.add(new KoreanWord(entry));
            } else {
                latin.add(entry);
            }
        }
        this.latinWords = latin.isEmpty() ? null : Pattern.compile(
                "(?<!" + LATIN_BOUNDARY + ")(?:"
                        + latin.stream().sorted(Comparator.comparingInt(String::length).reversed())
                                .map(WordMatcher::latinEntryPattern).collect(Collectors.joining("|"))
                        + ")(?!" + LATIN_BOUNDARY + ")",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        this.koreanWords = List.copyOf(korean);
    }

    private static String latinEntryPattern(String entry) {
        return Arrays.stream(entry.split(" ")).map(Pattern::quote).collect(Collectors.joining("[\\s_-]+"));
    }

    void findIn(String text, CollapsedText collapsed, List<Found> found) {
        if (latinWords != null) {
            Matcher m = latinWords.matcher(text);
            while (m.find()) {
                found.add(new Found(category, m.start(), m.end(), m.group()));
            }
        }
        String letters = collapsed.text();
        for (KoreanWord word : koreanWords) {
            for (int at = letters.indexOf(word.letters); at >= 0; at = letters.indexOf(word.letters, at + 1)) {
                int start = collapsed.originOf(at);
                int end = collapsed.originOf(at + word.letters.length() - 1) + 1;
                if (word.foundByClosingGaps(collapsed, at) && !standsAlone(text, start, end)) {
                    continue;
                }
                found.add(new Found(category, start, end, text.substring(start, end)));
            }
        }
    }

    private static boolean standsAlone(String text, int start, int end) {
        return (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1)))
                && (end == text.length() || !Character.isLetterOrDigit(text.charAt(end)));
    }

    /** A Korean entry collapsed the way texts are, remembering where the entry itself had a space. */
    private static final class KoreanWord {

        private final String letters;
        /** spacedBefore[k]: the entry had a gap between its letters k - 1 and k. */
        private final boolean[] spacedBefore;

        KoreanWord(String entry) {
            CollapsedText collapsed = CollapsedText.of(entry);
            this.letters = collapsed.text();
            this.spacedBefore = new boolean[letters.length()];
            for (int k = 1; k < letters.length(); k++) {
                spacedBefore[k] = collapsed.closedGapBefore(k);
            }
        }

        boolean foundByClosingGaps(CollapsedText text, int at) {
            for (int k = 1; k < letters.length(); k++) {
                if (text.closedGapBefore(at + k) && !spacedBefore[k]) {
                    return true;
                }
            }
            return false;
        }
    }
}
