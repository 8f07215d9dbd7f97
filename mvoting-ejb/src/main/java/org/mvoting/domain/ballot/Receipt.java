package org.mvoting.domain.ballot;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The code a voter keeps to check that their ballot is counted: 12 random characters (60 bits) from an
 * alphabet without look-alikes, shown as XXXX-XXXX-XXXX. It is random, so it says nothing about the
 * voter or the order of voting.
 */
public record Receipt(String code) {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORMAT = Pattern.compile("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");

    public Receipt {
        if (code == null || !FORMAT.matcher(code).matches()) {
            throw new IllegalArgumentException("not a receipt code");
        }
    }

    public static Receipt random(SecureRandom random) {
        StringBuilder sb = new StringBuilder(14);
        for (int i = 0; i < 12; i++) {
            if (i > 0 && i % 4 == 0) {
                sb.append('-');
            }
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return new Receipt(sb.toString());
    }

    /** Reads a receipt as a person may type it (lower case, spaces, missing dashes); empty if it cannot be one. */
    public static Optional<Receipt> parse(String typed) {
        if (typed == null) {
            return Optional.empty();
        }
        String compact = typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (compact.length() != 12) {
            return Optional.empty();
        }
        String formatted = compact.substring(0, 4) + "-" + compact.substring(4, 8) + "-" + compact.substring(8);
        return FORMAT.matcher(formatted).matches() ? Optional.of(new Receipt(formatted)) : Optional.empty();
    }

    @Override
    public String toString() {
        return code;
    }
}
