package org.mvoting.domain.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReceiptTest {

    private static final Pattern SHOWN_FORMAT =
            Pattern.compile("[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}-[0-9ABCDEFGHJKMNPQRSTVWXYZ]{4}");

    private final SecureRandom random = new SecureRandom();

    @Test
    void randomReceiptIsShownAsThreeGroupsOfFourUnambiguousCharacters() {
        for (int i = 0; i < 200; i++) {
            String code = Receipt.random(random).code();
            assertTrue(SHOWN_FORMAT.matcher(code).matches(), code);
        }
    }

    @Test
    void randomReceiptsDiffer() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            codes.add(Receipt.random(random).code());
        }
        assertEquals(1000, codes.size());
    }

    @Test
    void toStringIsTheCode() {
        Receipt receipt = new Receipt("AB12-CD34-EF56");

        assertEquals("AB12-CD34-EF56", receipt.toString());
    }

    @Test
    void constructorRefusesCodesNotInTheCanonicalForm() {
        assertThrows(IllegalArgumentException.class, () -> new Receipt(null));
        assertThrows(IllegalArgumentException.class, () -> new Receipt("ab12-cd34-ef56"));
        assertThrows(IllegalArgumentException.class, () -> new Receipt("AB12CD34EF56"));
        assertThrows(IllegalArgumentException.class, () -> new Receipt("AB1I-CD34-EF56"));
    }

    @Test
    void parseAcceptsTheCanonicalForm() {
        assertEquals(Optional.of(new Receipt("AB12-CD34-EF56")), Receipt.parse("AB12-CD34-EF56"));
    }

    @Test
    void parseAcceptsLowerCase() {
        assertEquals(Optional.of(new Receipt("AB12-CD34-EF56")), Receipt.parse("ab12-cd34-ef56"));
    }

    @Test
    void parseAcceptsSpacesInsteadOfDashes() {
        assertEquals(Optional.of(new Receipt("AB12-CD34-EF56")), Receipt.parse(" ab12 cd34  ef56 "));
    }

    @Test
    void parseAcceptsMissingDashes() {
        assertEquals(Optional.of(new Receipt("AB12-CD34-EF56")), Receipt.parse("AB12CD34EF56"));
    }

    @Test
    void parseRoundTripsARandomReceipt() {
        Receipt receipt = Receipt.random(random);

        assertEquals(Optional.of(receipt), Receipt.parse(receipt.code().toLowerCase().replace("-", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AB12-CD34-EF5", "AB12-CD34-EF567", "AB12", "AB12-CD34-EF56-GH78"})
    void parseRefusesTheWrongLength(String typed) {
        assertEquals(Optional.empty(), Receipt.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB1I-CD34-EF56", "AB1L-CD34-EF56", "AB1O-CD34-EF56", "AB1U-CD34-EF56",
                            "ab1i-cd34-ef56", "ab1l-cd34-ef56", "ab1o-cd34-ef56", "ab1u-cd34-ef56"})
    void parseRefusesAmbiguousLetters(String typed) {
        assertEquals(Optional.empty(), Receipt.parse(typed));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AB12_CD34_EF56", "AB12.CD34.EF5", "AB12-CD34-EF5!"})
    void parseRefusesOtherCharacters(String typed) {
        assertEquals(Optional.empty(), Receipt.parse(typed));
    }

    @Test
    void parseOfNullIsEmpty() {
        assertEquals(Optional.empty(), Receipt.parse(null));
    }

    @Test
    void differentCodesAreDifferentReceipts() {
        assertNotEquals(new Receipt("AB12-CD34-EF56"), new Receipt("AB12-CD34-EF57"));
    }
}
