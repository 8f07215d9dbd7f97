package org.mvoting.domain.moderation;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class ResidentRegistrationNumberTest {

    private static final int[] WEIGHTS = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};

    /** Appends the check digit, computed independently of the class under test. */
    static String withCheckDigit(String twelveDigits) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += Character.digit(twelveDigits.charAt(i), 10) * WEIGHTS[i];
        }
        return twelveDigits + (11 - sum % 11) % 10;
    }

    /** The same number with its check digit off by one. */
    static String withWrongCheckDigit(String thirteenDigits) {
        int check = Character.digit(thirteenDigits.charAt(12), 10);
        return thirteenDigits.substring(0, 12) + (check + 1) % 10;
    }

    @ParameterizedTest
    @ValueSource(strings = {"900101123456", "051231412345", "850615523456", "020704398765", "780228687654",
                            "000229312345"})
    void numbersWithARealBirthDateAndTheirCheckDigitAreValid(String twelveDigits) {
        assertTrue(ResidentRegistrationNumber.isValid(withCheckDigit(twelveDigits)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"900101123456", "051231412345", "850615523456", "020704398765"})
    void aWrongCheckDigitIsNotAnRrn(String twelveDigits) {
        assertFalse(ResidentRegistrationNumber.isValid(withWrongCheckDigit(withCheckDigit(twelveDigits))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"991332123456", "990001123456", "990100123456", "990231123456", "990431123456",
                            "000229112345", "010229312345"})
    void anImpossibleBirthDateIsNotAnRrnEvenWithTheRightCheckDigit(String twelveDigits) {
        // 000229 with 1: 29 February 1900, not a leap year; 010229 with 3: 2001, not one either.
        assertFalse(ResidentRegistrationNumber.isValid(withCheckDigit(twelveDigits)));
    }

    @ParameterizedTest
    @ValueSource(chars = {'0', '9'})
    void theSeventhDigitMustBeOneToEight(char seventh) {
        assertFalse(ResidentRegistrationNumber.isValid(withCheckDigit("900101" + seventh + "23456")));
    }

    @ParameterizedTest
    @ValueSource(chars = {'1', '2', '3', '4', '5', '6', '7', '8'})
    void everySeventhDigitFromOneToEightIsAccepted(char seventh) {
        assertTrue(ResidentRegistrationNumber.isValid(withCheckDigit("010101" + seventh + "23456")));
    }

    @Test
    void aBirthDateAfterTodayIsNotAnRrn() {
        String born2030 = withCheckDigit("300101312345");

        assertFalse(ResidentRegistrationNumber.isValid(born2030, LocalDate.of(2029, 12, 31)));
        assertTrue(ResidentRegistrationNumber.isValid(born2030, LocalDate.of(2030, 1, 1)));
    }

    @Test
    void aKoreanBarcodeIsNotABirthIn2088() {
        // EAN-13 codes of Korean products start 880; with a 4 in seventh place they read as a birth in 2088.
        String barcode = withCheckDigit("880123456789");

        assertFalse(ResidentRegistrationNumber.isValid(barcode, LocalDate.of(2027, 1, 1)));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "900101123456", "90010112345678", "900101-123456", "90010112345a6", "９００１０１１２３４５６"})
    void anythingButThirteenAsciiDigitsIsNotAnRrn(String typed) {
        assertFalse(ResidentRegistrationNumber.isValid(typed));
    }
}
