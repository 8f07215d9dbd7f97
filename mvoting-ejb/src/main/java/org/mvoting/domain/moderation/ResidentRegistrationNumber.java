package org.mvoting.domain.moderation;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The check that tells a Korean resident registration number (주민등록번호, YYMMDD-GNNNNNC) from any other
 * thirteen digits: a real birth date, a 7th digit of 1-8 (1, 2: born in the 1900s; 3, 4: 2000s; 5-8: the same
 * for foreign residents; 9 and 0, the 1800s, are refused as no such person is alive), and the check digit
 * (weights 2,3,4,5,6,7,8,9,2,3,4,5 over the first twelve digits; check = (11 - sum mod 11) mod 10).
 *
 * <p>Numbers issued since October 2020 carry random digits after the 7th and no check digit, so they cannot be
 * told from other digits. Here a number that fails the check digit is treated as "not an RRN": screening
 * refuses only numbers whose check digit is right, rather than every thirteen digits that start with a date.
 */
public final class ResidentRegistrationNumber {

    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    private ResidentRegistrationNumber() {
    }

    /** True if the thirteen digits (no hyphen) are a resident registration number with a valid check digit. */
    public static boolean isValid(String thirteenDigits) {
        return isValid(thirteenDigits, LocalDate.now());
    }

    /**
     * As {@link #isValid(String)}, with "today" given: a birth date after it is no one's, which keeps out
     * thirteen-digit codes such as Korean EAN-13 barcodes (880...) that would read as births in 2088.
     */
    static boolean isValid(String thirteenDigits, LocalDate today) {
        if (thirteenDigits == null || thirteenDigits.length() != 13) {
            return false;
        }
        int[] digits = new int[13];
        for (int i = 0; i < 13; i++) {
            char c = thirteenDigits.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            digits[i] = c - '0';
        }
        int century = centuryOf(digits[6]);
        if (century < 0) {
            return false;
        }
        int year = century + digits[0] * 10 + digits[1];
        int month = digits[2] * 10 + digits[3];
        int day = digits[4] * 10 + digits[5];
        if (month < 1 || month > 12 || day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                || LocalDate.of(year, month, day).isAfter(today)) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += digits[i] * WEIGHTS[i];
        }
        return (11 - sum % 11) % 10 == digits[12];
    }

    /** The first year of the century the 7th digit says; -1 for 9 and 0 (the 1800s) and anything else. */
    private static int centuryOf(int genderDigit) {
        return switch (genderDigit) {
            case 1, 2, 5, 6 -> 1900;
            case 3, 4, 7, 8 -> 2000;
            default -> -1;
        };
    }
}
