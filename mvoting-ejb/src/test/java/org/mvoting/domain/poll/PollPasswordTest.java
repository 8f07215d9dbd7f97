package org.mvoting.domain.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.InvalidPollException;

class PollPasswordTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void theRightPasswordMatchesAndOthersDoNot() {
        PollPassword password = PollPassword.of("  봄꽃축제2027 ", RANDOM);
        assertTrue(password.matches("봄꽃축제2027"));
        assertTrue(password.matches(" 봄꽃축제2027"), "surrounding blanks do not count");
        assertFalse(password.matches("봄꽃축제2028"));
        assertFalse(password.matches(""));
        assertFalse(password.matches(null));
    }

    @Test
    void theSamePasswordIsStoredDifferentlyEachTime() {
        PollPassword a = PollPassword.of("secret-1", RANDOM);
        PollPassword b = PollPassword.of("secret-1", RANDOM);
        assertFalse(Arrays.equals(a.hash(), b.hash()), "a fresh salt per poll");
        assertFalse(a.toString().contains("secret"));
    }

    @Test
    void tooShortOrTooLongIsRefused() {
        for (String bad : new String[] {null, "", "abc", "12345", "x".repeat(65)}) {
            InvalidPollException e = assertThrows(InvalidPollException.class, () -> PollPassword.of(bad, RANDOM));
            assertEquals("poll-password-length", e.code());
        }
    }
}
