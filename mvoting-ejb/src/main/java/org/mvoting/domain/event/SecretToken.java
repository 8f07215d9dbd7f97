package org.mvoting.domain.event;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;

/**
 * A printed one-time code for someone who cannot use SMS: 10 characters of an alphabet without look-alikes
 * (no 0/O, 1/I/L), about 48 bits, printed as XXXXX-XXXXX. Typed back in any case, with or without the hyphen.
 */
public record SecretToken(String code) {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int LENGTH = 10;

    public static SecretToken random(SecureRandom random) {
        StringBuilder code = new StringBuilder(LENGTH + 1);
        for (int i = 0; i < LENGTH; i++) {
            if (i == LENGTH / 2) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return new SecretToken(code.toString());
    }

    /** What a person typed, as the printed form; empty when it cannot be a token. */
    public static Optional<SecretToken> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (compact.length() != LENGTH || !compact.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
            return Optional.empty();
        }
        return Optional.of(new SecretToken(compact.substring(0, LENGTH / 2) + "-" + compact.substring(LENGTH / 2)));
    }

    @Override
    public String toString() {
        return "SecretToken[" + code.substring(0, 2) + "…]";
    }
}
