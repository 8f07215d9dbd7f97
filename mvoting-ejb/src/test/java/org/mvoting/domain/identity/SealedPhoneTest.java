package org.mvoting.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SealedPhoneTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] KEY = new byte[32];
    private static final PhoneNumber PHONE = PhoneNumber.parse("010-2345-6789");

    static {
        RANDOM.nextBytes(KEY);
    }

    @Test
    void aSealedNumberOpensWithItsKeyOnly() {
        byte[] sealed = SealedPhone.seal(KEY, PHONE, RANDOM);
        assertEquals(Optional.of(PHONE), SealedPhone.open(KEY, sealed));
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertTrue(SealedPhone.open(otherKey, sealed).isEmpty());
    }

    @Test
    void theNumberIsNotInTheBytesAndEachSealingDiffers() {
        byte[] first = SealedPhone.seal(KEY, PHONE, RANDOM);
        byte[] second = SealedPhone.seal(KEY, PHONE, RANDOM);
        assertFalse(new String(first, StandardCharsets.ISO_8859_1).contains("23456789"));
        assertFalse(Arrays.equals(first, second), "equal numbers must not give equal rows");
    }

    @Test
    void alteredBytesDoNotOpen() {
        byte[] sealed = SealedPhone.seal(KEY, PHONE, RANDOM);
        sealed[sealed.length - 1] ^= 1;
        assertTrue(SealedPhone.open(KEY, sealed).isEmpty());
        assertTrue(SealedPhone.open(KEY, new byte[5]).isEmpty());
    }
}
