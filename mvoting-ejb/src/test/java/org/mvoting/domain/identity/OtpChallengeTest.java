package org.mvoting.domain.identity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.VerificationFailedException;
import org.mvoting.api.errors.VerificationFailedException.Reason;

class OtpChallengeTest {

    private static final Instant SENT = Instant.parse("2030-03-01T09:00:00Z");
    private static final byte[] PHONE_KEY = "phone-key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RIGHT = "hash-of-123456".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] WRONG = "hash-of-654321".getBytes(StandardCharsets.US_ASCII);

    private final OtpChallenge challenge = new OtpChallenge(UUID.randomUUID(), PHONE_KEY, RIGHT.clone(), SENT);

    private VerificationFailedException failsWith(Reason reason, byte[] presented, Instant at) {
        VerificationFailedException e =
                assertThrows(VerificationFailedException.class, () -> challenge.verify(presented, at));
        assertEquals(reason, e.reason());
        return e;
    }

    @Test
    void rightCodeVerifiesAndConsumesTheChallenge() {
        challenge.verify(RIGHT, SENT.plusSeconds(30));

        assertTrue(challenge.isConsumed());
        assertEquals(0, challenge.attempts());
    }

    @Test
    void rightCodeWorksOnlyOnce() {
        challenge.verify(RIGHT, SENT.plusSeconds(30));

        VerificationFailedException e = failsWith(Reason.NO_ACTIVE_CODE, RIGHT, SENT.plusSeconds(31));
        assertEquals("code-no-active-code", e.code());
    }

    @Test
    void wrongCodeCountsAnAttemptAndReportsTheAttemptsLeft() {
        VerificationFailedException e = failsWith(Reason.MISMATCH, WRONG, SENT.plusSeconds(10));

        assertEquals("code-mismatch", e.code());
        assertArrayEquals(new Object[] {4}, e.arguments());
        assertEquals(1, challenge.attempts());
        assertFalse(challenge.isConsumed());
    }

    @Test
    void attemptsLeftCountDownWithEachWrongCode() {
        for (int left = 4; left >= 1; left--) {
            VerificationFailedException e = failsWith(Reason.MISMATCH, WRONG, SENT.plusSeconds(10));
            assertArrayEquals(new Object[] {left}, e.arguments());
        }
        assertEquals(4, challenge.attempts());
    }

    @Test
    void rightCodeStillWorksAfterFourWrongTries() {
        for (int i = 0; i < 4; i++) {
            failsWith(Reason.MISMATCH, WRONG, SENT.plusSeconds(10));
        }

        assertDoesNotThrow(() -> challenge.verify(RIGHT, SENT.plusSeconds(20)));
        assertTrue(challenge.isConsumed());
    }

    @Test
    void fifthWrongTryEndsTheChallenge() {
        for (int i = 0; i < 4; i++) {
            failsWith(Reason.MISMATCH, WRONG, SENT.plusSeconds(10));
        }

        VerificationFailedException e = failsWith(Reason.TOO_MANY_ATTEMPTS, WRONG, SENT.plusSeconds(11));
        assertEquals("code-too-many-attempts", e.code());
        assertEquals(OtpChallenge.MAX_ATTEMPTS, challenge.attempts());
    }

    @Test
    void afterTooManyAttemptsEvenTheRightCodeFails() {
        for (int i = 0; i < OtpChallenge.MAX_ATTEMPTS; i++) {
            assertThrows(VerificationFailedException.class, () -> challenge.verify(WRONG, SENT.plusSeconds(10)));
        }

        failsWith(Reason.TOO_MANY_ATTEMPTS, RIGHT, SENT.plusSeconds(12));
        assertFalse(challenge.isConsumed());
        assertEquals(OtpChallenge.MAX_ATTEMPTS, challenge.attempts());
    }

    @Test
    void rightCodeWorksUntilJustBeforeFiveMinutes() {
        assertDoesNotThrow(() -> challenge.verify(RIGHT, SENT.plus(Duration.ofMinutes(5)).minusMillis(1)));
    }

    @Test
    void codeExpiresAfterFiveMinutes() {
        VerificationFailedException e = failsWith(Reason.EXPIRED, RIGHT, SENT.plus(Duration.ofMinutes(5)));

        assertEquals("code-expired", e.code());
        assertFalse(challenge.isConsumed());
    }

    @Test
    void wrongCodeAfterExpiryDoesNotUseUpATry() {
        failsWith(Reason.EXPIRED, WRONG, SENT.plus(Duration.ofMinutes(6)));

        assertEquals(0, challenge.attempts());
    }

    @Test
    void supersededChallengeCannotBeUsed() {
        challenge.supersede(SENT.plusSeconds(60));

        assertTrue(challenge.isConsumed());
        failsWith(Reason.NO_ACTIVE_CODE, RIGHT, SENT.plusSeconds(61));
    }

    @Test
    void challengeKeepsItsOwnCopyOfTheCodeHash() {
        byte[] hash = RIGHT.clone();
        OtpChallenge own = new OtpChallenge(UUID.randomUUID(), PHONE_KEY, hash, SENT);
        hash[0] ^= 1;

        assertDoesNotThrow(() -> own.verify(RIGHT, SENT.plusSeconds(1)));
    }
}
