package org.mvoting.domain.ballot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mvoting.api.errors.ErrorKind;
import org.mvoting.api.errors.IdempotencyKeyRequiredException;

class IdempotencyKeyTest {

    @Test
    void acceptsAUuid() {
        String uuid = UUID.randomUUID().toString();

        IdempotencyKey key = new IdempotencyKey(uuid);

        assertEquals(uuid, key.value());
        assertArrayEquals(uuid.getBytes(StandardCharsets.US_ASCII), key.bytes());
    }

    @Test
    void acceptsTheLengthLimitsTwentyTwoAndSixtyFour() {
        assertEquals(22, new IdempotencyKey("abcdefghijKLMNOPQR0123").value().length());
        String sixtyFour = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        assertEquals(64, new IdempotencyKey(sixtyFour).value().length());
    }

    @Test
    void refusesGuessableKeysOfTheRightLength() {
        assertThrows(IdempotencyKeyRequiredException.class, () -> new IdempotencyKey("a".repeat(40)));
        assertThrows(IdempotencyKeyRequiredException.class, () -> new IdempotencyKey("0000000000000000000001"));
        assertThrows(IdempotencyKeyRequiredException.class, () -> new IdempotencyKey("abababababababababababab"));
    }

    @Test
    void refusesNull() {
        IdempotencyKeyRequiredException e =
                assertThrows(IdempotencyKeyRequiredException.class, () -> new IdempotencyKey(null));
        assertEquals("idempotency-key-required", e.code());
        assertEquals(ErrorKind.BAD_REQUEST, e.kind());
    }

    @Test
    void refusesTwentyOneCharacters() {
        assertThrows(IdempotencyKeyRequiredException.class, () -> new IdempotencyKey("abcdefghijKLMNOPQR012"));
    }

    @Test
    void refusesSixtyFiveCharacters() {
        assertThrows(IdempotencyKeyRequiredException.class,
                () -> new IdempotencyKey("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_x"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefgh ijklmnop", "abcdefgh.ijklmnop", "abcdefgh/ijklmnop", "abcdefgh+ijklmnop",
                            "ключключключключ", "abcdefghijklmnop\n", ""})
    void refusesCharactersOutsideLettersDigitsDashAndUnderscore(String value) {
        assertThrows(IdempotencyKeyRequiredException.class, () -> new IdempotencyKey(value));
    }

    @Test
    void toStringDoesNotRevealTheKey() {
        String uuid = UUID.randomUUID().toString();

        assertFalse(new IdempotencyKey(uuid).toString().contains(uuid));
    }
}
