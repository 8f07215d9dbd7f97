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
    void acceptsTheLengthLimitsSixteenAndSixtyFour() {
        assertEquals(16, new IdempotencyKey("a".repeat(16)).value().length());
        assertEquals(64, new IdempotencyKey("Z_-9".repeat(16)).value().length());
    }

    @Test
    void refusesNull() {
        IdempotencyKeyRequiredException e =
                assertThrows(IdempotencyKeyRequiredException.class, () -> new IdempotencyKey(null));
        assertEquals("idempotency-key-required", e.code());
        assertEquals(ErrorKind.BAD_REQUEST, e.kind());
    }

    @Test
    void refusesFifteenCharacters() {
        assertThrows(IdempotencyKeyRequiredException.class, () -> new IdempotencyKey("a".repeat(15)));
    }

    @Test
    void refusesSixtyFiveCharacters() {
        assertThrows(IdempotencyKeyRequiredException.class, () -> new IdempotencyKey("a".repeat(65)));
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
