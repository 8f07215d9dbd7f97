package org.mvoting.domain.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.mvoting.domain.moderation.ResidentRegistrationNumberTest.withCheckDigit;
import static org.mvoting.domain.moderation.ResidentRegistrationNumberTest.withWrongCheckDigit;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Resident registration numbers, phone numbers and e-mail addresses: found, and quoted only masked. */
class ScreeningPersonalInformationTest {

    private static final Screening SCREENING = new Screening(WordLists.defaults());

    private static final String RRN = withCheckDigit("900101123456");
    private static final String RRN_2000S = withCheckDigit("051231412345");

    private static List<ScreeningHit> screen(String text) {
        return SCREENING.screen("description", text);
    }

    private static ScreeningHit hit(ScreeningCategory category, String match) {
        return new ScreeningHit(category, "description", match);
    }

    // Resident registration numbers

    @Test
    void anRrnWithAHyphenIsFoundAndMasked() {
        String written = RRN.substring(0, 6) + "-" + RRN.substring(6);

        List<ScreeningHit> hits = screen("제 주민번호는 " + written + " 입니다");

        assertEquals(List.of(hit(ScreeningCategory.RESIDENT_REGISTRATION_NUMBER, "900101-1******")), hits);
    }

    @Test
    void anRrnWithoutAHyphenIsFoundAndMasked() {
        List<ScreeningHit> hits = screen("번호:" + RRN_2000S + "입니다");

        assertEquals(List.of(hit(ScreeningCategory.RESIDENT_REGISTRATION_NUMBER, "0512314******")), hits);
    }

    @Test
    void anRrnWithASpaceIsFoundAndMasked() {
        String written = RRN.substring(0, 6) + " " + RRN.substring(6);

        assertEquals(List.of(hit(ScreeningCategory.RESIDENT_REGISTRATION_NUMBER, "900101 1******")), screen(written));
    }

    @Test
    void theMaskedRrnKeepsNoneOfTheLastSixDigits() {
        String match = screen(RRN).get(0).match();

        assertFalse(match.contains(RRN.substring(7)));
        assertEquals(RRN.length(), match.length());
    }

    @Test
    void anRrnWithAWrongCheckDigitIsNotFound() {
        String wrong = withWrongCheckDigit(RRN);

        assertEquals(List.of(), screen(wrong));
        assertEquals(List.of(), screen(wrong.substring(0, 6) + "-" + wrong.substring(6)));
    }

    @Test
    void anRrnWithAnImpossibleDateIsNotFound() {
        String impossible = withCheckDigit("991332123456");

        assertEquals(List.of(), screen(impossible.substring(0, 6) + "-" + impossible.substring(6)));
    }

    @Test
    void anRrnWithSeventhDigitZeroIsNotFound() {
        String zero = withCheckDigit("900101023456");

        assertEquals(List.of(), screen(zero.substring(0, 6) + "-" + zero.substring(6)));
    }

    @Test
    void anRrnInsideALongerRunOfDigitsIsNotFound() {
        assertEquals(List.of(), screen("1" + RRN));
        assertEquals(List.of(), screen(RRN + "0"));
    }

    // Phone numbers

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "010-1234-5678    | 010-****-5678",
        "01012345678      | 010****5678",
        "010 1234 5678    | 010 **** 5678",
        "010.1234.5678    | 010.****.5678",
        "010 - 1234 - 5678 | 010 - **** - 5678",
        "011-123-4567     | 011-***-4567",
        "019-1234-5678    | 019-****-5678",
        "+82 10 1234 5678 | +82 10 **** 5678",
        "+82-10-1234-5678 | +82-10-****-5678",
        "+821012345678    | +8210****5678",
        "+82 (0)10 1234 5678 | +82 (0)10 **** 5678",
        "0082-10-1234-5678 | 0082-10-****-5678",
        "02-123-4567      | 02-***-4567",
        "02-1234-5678     | 02-****-5678",
        "(02) 1234-5678   | (02) ****-5678",
        "031-123-4567     | 031-***-4567",
        "051 1234 5678    | 051 **** 5678",
        "064-712-3456     | 064-***-3456",
        "070-1234-5678    | 070-****-5678",
        "080-123-4567     | 080-***-4567",
        "1588-1234        | 1588-****",
        "1644 5678        | 1644 ****",
    })
    void phoneNumbersAreFoundAndMasked(String written, String masked) {
        List<ScreeningHit> hits = screen("문의는 " + written + "로 연락 주세요");

        assertEquals(List.of(hit(ScreeningCategory.PHONE_NUMBER, masked)), hits);
    }

    @Test
    void aMaskedPhoneNumberKeepsNoneOfTheExchange() {
        String match = screen("010-9876-5432").get(0).match();

        assertFalse(match.contains("9876"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2027년에 시작합니다", "2027-01-01부터", "2027.01.01", "2027/01/01", "20270101",
                            "입장료 1,000원", "예산 1,000,000원", "1,000,000", "1000000", "15000000",
                            "인증번호 123456", "우편번호 04524", "112", "119", "1330", "120번 버스",
                            "1800-1900년", "1600 1700년대", "1800 3000원", "2026-2027 시즌", "010-1234",
                            "02-123", "3.14159", "1,588", "12:30-13:30", "제 02-1234호 안건"})
    void numbersThatAreNotPhoneNumbersAreNotFound(String text) {
        assertEquals(List.of(), screen(text));
    }

    @Test
    void phoneNumberInsideALongerRunOfDigitsIsNotFound() {
        assertEquals(List.of(), screen("2010123456789"));
    }

    // E-mail addresses

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "hong@example.com            | h***@example.com",
        "Gil.Dong+poll@mail.seoul.go.kr | G***@mail.seoul.go.kr",
        "a@b.co                      | ***@b.co",
        "hong_gd@naver.com           | h***@naver.com",
        "hong＠example.com           | h***＠example.com",
    })
    void emailAddressesAreFoundAndMasked(String written, String masked) {
        List<ScreeningHit> hits = screen("메일은 " + written + "으로 보내 주세요.");

        assertEquals(List.of(hit(ScreeningCategory.EMAIL, masked)), hits);
    }

    @ParameterizedTest
    @ValueSource(strings = {"@mvoting 계정을 팔로우", "hong@", "hong@localhost", "a @ b", "이메일 없음"})
    void textsWithoutAnEmailAddressAreNotFound(String text) {
        assertEquals(List.of(), screen(text));
    }

    @Test
    void severalKindsInOneTextAreFoundInOrder() {
        String text = "연락처 hong@example.com, 010-1234-5678, 주민번호 " + RRN;

        assertEquals(List.of(
                hit(ScreeningCategory.EMAIL, "h***@example.com"),
                hit(ScreeningCategory.PHONE_NUMBER, "010-****-5678"),
                hit(ScreeningCategory.RESIDENT_REGISTRATION_NUMBER, "9001011******")), screen(text));
    }
}
