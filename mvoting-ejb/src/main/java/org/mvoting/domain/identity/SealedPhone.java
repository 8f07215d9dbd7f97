package org.mvoting.domain.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Optional;
import javax.crypto.spec.SecretKeySpec;
import org.mvoting.domain.ballot.Aead;

/**
 * A phone number kept so it can be messaged later (a LISTED poll's invitation), encrypted at rest: a copy of
 * the database alone does not reveal whom the city invited. Each sealing uses a fresh nonce, so the same number
 * sealed twice looks different and equal rows cannot be matched by their ciphertext.
 */
public final class SealedPhone {

    private SealedPhone() {
    }

    public static byte[] seal(byte[] key, PhoneNumber phone, SecureRandom random) {
        return Aead.seal(aes(key), phone.e164().getBytes(StandardCharsets.US_ASCII), random);
    }

    /** The number, or empty when the bytes were not sealed under this key or were altered. */
    public static Optional<PhoneNumber> open(byte[] key, byte[] sealed) {
        return Aead.open(aes(key), sealed).map(plain -> new PhoneNumber(new String(plain, StandardCharsets.US_ASCII)));
    }

    private static SecretKeySpec aes(byte[] key) {
        return new SecretKeySpec(key, 0, 32, "AES");
    }
}
