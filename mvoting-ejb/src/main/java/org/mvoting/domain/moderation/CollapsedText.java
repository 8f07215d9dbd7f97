package org.mvoting.domain.moderation;

import java.util.Arrays;

/**
 * A text as the Korean word matching reads it: lower-cased, and with the spaces, dots, hyphens, underscores and
 * digits that stand between two Hangul letters taken out, so that "씨.발", "씨 발" and "씨1발" all read "씨발".
 * Each kept character remembers where it stood, so a hit can quote the text as written and can tell whether a
 * word was found whole or only by closing gaps.
 */
final class CollapsedText {

    private final String text;
    private final int[] origin;

    private CollapsedText(String text, int[] origin) {
        this.text = text;
        this.origin = origin;
    }

    static CollapsedText of(String original) {
        int length = original.length();
        StringBuilder kept = new StringBuilder(length);
        int[] origin = new int[length];
        int i = 0;
        while (i < length) {
            char c = original.charAt(i);
            if (isFiller(c) && i > 0 && isHangul(original.charAt(i - 1))) {
                int next = i;
                while (next < length && isFiller(original.charAt(next))) {
                    next++;
                }
                if (next < length && isHangul(original.charAt(next))) {
                    i = next;
                    continue;
                }
            }
            origin[kept.length()] = i;
            kept.append(Character.toLowerCase(c));
            i++;
        }
        return new CollapsedText(kept.toString(), Arrays.copyOf(origin, kept.length()));
    }

    String text() {
        return text;
    }

    /** Where the kept character at {@code index} stood in the original text. */
    int originOf(int index) {
        return origin[index];
    }

    /** Whether something was taken out between the kept characters at {@code index - 1} and {@code index}. */
    boolean closedGapBefore(int index) {
        return origin[index] > origin[index - 1] + 1;
    }

    /** Syllables, the jamo people type as abbreviations (ㅅㅂ), and the old jamo blocks. */
    static boolean isHangul(char c) {
        return (c >= '\uAC00' && c <= '\uD7A3') || (c >= '\u3131' && c <= '\u318E')
                || (c >= '\u1100' && c <= '\u11FF') || (c >= '\uA960' && c <= '\uA97F')
                || (c >= '\uD7B0' && c <= '\uD7FF');
    }

    /** What people put between letters to get a word past a filter. */
    private static boolean isFiller(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || (c >= '0' && c <= '9')
                || c == '.' || c == '·' || c == '-' || c == '_';
    }
}
