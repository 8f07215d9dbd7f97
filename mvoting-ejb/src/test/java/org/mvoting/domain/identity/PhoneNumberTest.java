package org.mvoting.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mvoting.api.errors.ErrorKind;
import org.mvoting.api.errors.InvalidPhoneNumberException;

class PhoneNumberTest {

    private static final String NORMALISED = "+821012345678";

    @ParameterizedTest
    @ValueSource(strings = {"010-1234-5678", "01012345678", "+82 10 1234 5678", "82-10-1234-5678",
                            "0082 10 1234 5678", "008210-1234-5678", "+82 010 1234 5678", "(010) 1234.5678",
                            "  010 1234 5678  "})
    void koreanMobileNumbersNormaliseToE164(String typed) {
        assertEquals(NORMALISED, PhoneNumber.parse(typed).e164());
    }

    @Test
    void oldKoreanMobilePrefixesAreAccepted() {
        assertEquals("+82111234567", PhoneNumber.parse("011-123-4567").e164());
        assertEquals("+821912345678", PhoneNumber.parse("019-1234-5678").e164());
    }

    @ParameterizedTest
    @ValueSource(strings = {"02-123-4567", "02-1234-5678", "031-123-4567", "+82 2 1234 5678", "070-1234-5678"})
    void koreanLandlinesAreRefused(String typed) {
        InvalidPhoneNumberException e = assertThrows(InvalidPhoneNumberException.class,
                () -> PhoneNumber.parse(typed));
        assertEquals("phone-invalid", e.code());
        assertEquals(ErrorKind.INVALID, e.kind());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "010-1234-567x", "010-123-45678-9", "+", "+0123456789",
                            "010-1234-567", "+82 10 1234 56789"})
    void garbageIsRefused(String typed) {
        assertThrows(InvalidPhoneNumberException.class, () -> PhoneNumber.parse(typed));
    }

    @Test
    void nullIsRefused() {
        assertThrows(InvalidPhoneNumberException.class, () -> PhoneNumber.parse(null));
    }

    @Test
    void inputLongerThanThirtyTwoCharactersIsRefused() {
        assertThrows(InvalidPhoneNumberException.class,
                () -> PhoneNumber.parse("010-1234-5678" + " ".repeat(20)));
    }

    @Test
    void nonKoreanE164NumberIsAccepted() {
        assertEquals("+14155550123", PhoneNumber.parse("+14155550123").e164());
        assertEquals("+14155550123", PhoneNumber.parse("+1 (415) 555-0123").e164());
    }

    @Test
    void constructorRefusesNonCanonicalForms() {
        assertThrows(InvalidPhoneNumberException.class, () -> new PhoneNumber("01012345678"));
        assertThrows(InvalidPhoneNumberException.class, () -> new PhoneNumber("+8221234567"));
        assertThrows(InvalidPhoneNumberException.class, () -> new PhoneNumber(null));
    }

    @Test
    void maskedHidesTheMiddleOfAKoreanNumber() {
        PhoneNumber phone = PhoneNumber.parse("010-1234-5678");

        assertEquals("010-****-5678", phone.masked());
        assertFalse(phone.masked().contains("1234"));
    }

    @Test
    void maskedHidesTheMiddleOfAForeignNumber() {
        PhoneNumber phone = PhoneNumber.parse("+14155550123");

        assertEquals("+141****0123", phone.masked());
        assertFalse(phone.masked().contains("5555"));
    }

    @Test
    void toStringIsMasked() {
        PhoneNumber phone = PhoneNumber.parse("010-1234-5678");

        assertEquals(phone.masked(), phone.toString());
        assertFalse(phone.toString().contains("12345678"));
    }

    @Test
    void refusalRecordsKeepTheCountryAndRangeAndTheLastDigitsOnly() {
        assertEquals("+82 10-****-5678", PhoneNumber.parse("010-1234-5678").maskedInternational());
        assertEquals("+82 11-****-4567", PhoneNumber.parse("011-123-4567").maskedInternational());
        assertEquals("+4477******23", PhoneNumber.parse("+447700900123").maskedInternational());
        assertEquals("+1202*****23", PhoneNumber.parse("+12025550123").maskedInternational());
        assertFalse(PhoneNumber.parse("+979123456789").maskedInternational().contains("3456"));
    }
}
