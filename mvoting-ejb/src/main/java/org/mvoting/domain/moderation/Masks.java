package org.mvoting.domain.moderation;

import java.util.regex.Pattern;

/**
 * How personal information is quoted in a hit: enough for the citizen and a moderator to find it in the text,
 * never enough to use it. Separators are kept as written so the mask lines up with what the citizen typed.
 */
final class Masks {

    /** Birth date and 7th digit stay, as Korean sites show them: 900101-1******. */
    private static final int RRN_DIGITS_SHOWN = 7;
    private static final int PHONE_TAIL_SHOWN = 4;
    private static final Pattern NON_DIGITS = Pattern.compile("[^0-9]");

    private Masks() {
    }

    static String residentRegistrationNumber(String asWritten) {
        return maskDigits(asWritten, RRN_DIGITS_SHOWN, 0);
    }

    /**
     * The area or mobile code and the last four digits stay, the subscriber's exchange is hidden:
     * 010-****-5678, 02-***-4567, +82 10 **** 5678. A 1588-style number keeps its prefix only: 1588-****.
     */
    static String phoneNumber(String asWritten) {
        String digits = digitsOf(asWritten);
        if (digits.length() == 8 && digits.charAt(0) == '1') {
            return maskDigits(asWritten, 4, 0);
        }
        int head = 0;
        if (asWritten.startsWith("+")) {
            head = 2;
        } else if (digits.startsWith("0082")) {
            head = 4;
        }
        if (digits.charAt(head) == '0') {
            head++;
        }
        head += digits.charAt(head) == '2' ? 1 : 2;
        return maskDigits(asWritten, head, PHONE_TAIL_SHOWN);
    }

    /** The first letter of the mailbox and the whole domain: h***@example.com; a one-letter mailbox shows none. */
    static String email(String asWritten) {
        int at = Math.max(asWritten.indexOf('@'), asWritten.indexOf('＠'));
        String mailbox = asWritten.substring(0, at);
        return (mailbox.length() > 1 ? mailbox.substring(0, 1) : "") + "***" + asWritten.substring(at);
    }

    static String digitsOf(String asWritten) {
        return NON_DIGITS.matcher(asWritten).replaceAll("");
    }

    /** Replaces every digit but the first {@code head} and the last {@code tail} with '*'. */
    private static String maskDigits(String asWritten, int head, int tail) {
        int total = (int) asWritten.chars().filter(c -> c >= '0' && c <= '9').count();
        StringBuilder masked = new StringBuilder(asWritten.length());
        int seen = 0;
        for (int i = 0; i < asWritten.length(); i++) {
            char c = asWritten.charAt(i);
            if (c >= '0' && c <= '9') {
                masked.append(seen >= head && seen < total - tail ? '*' : c);
                seen++;
            } else {
                masked.append(c);
            }
        }
        return masked.toString();
    }
}
