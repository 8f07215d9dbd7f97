package org.mvoting.domain.poll;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.spec.KeySpec;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.mvoting.api.errors.InvalidPollException;

/**
 * A password-protected poll's password as stored: PBKDF2-HMAC-SHA256 with a per-poll salt. The password itself is
 * never kept; a guess is checked by deriving again and comparing in constant time.
 */
public record PollPassword(byte[] hash, byte[] salt, int iterations) {

    public static final int MIN_LENGTH = 6; // with 5 guesses per voter per 15 min, shorter falls to a few phones
    public static final int MAX_LENGTH = 64;
    static final int ITERATIONS = 100_000;

    public PollPassword {
        hash = hash.clone();
        salt = salt.clone();
    }

    /** Hashes a new password; refuses one that is too short or too long to be one. */
    public static PollPassword of(String password, SecureRandom random) {
        String chosen = password == null ? "" : password.strip();
        if (chosen.length() < MIN_LENGTH || chosen.length() > MAX_LENGTH) {
            throw new InvalidPollException("password-length", MIN_LENGTH, MAX_LENGTH);
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new PollPassword(derive(chosen, salt, ITERATIONS), salt, ITERATIONS);
    }

    public boolean matches(String attempt) {
        return attempt != null && MessageDigest.isEqual(hash, derive(attempt.strip(), salt, iterations));
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            KeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 unavailable", e);
        }
    }

    @Override
    public String toString() {
        return "PollPassword[PBKDF2, " + iterations + " iterations]"; // nothing that could help a guess
    }
}
