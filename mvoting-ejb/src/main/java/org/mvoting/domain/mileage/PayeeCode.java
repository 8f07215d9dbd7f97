package org.mvoting.domain.mileage;

import java.util.HexFormat;
import java.util.Locale;

/**
 * How the finance office and auditors know a citizen: a keyed pseudonym of the citizen's id (the server secret's
 * HMAC), shown to the citizen on their page so they can quote it, never the phone number. Without the server secret
 * nobody can turn a code back into a citizen, and a payout file joined to nothing else names nobody.
 */
public final class PayeeCode {

    /** Bytes of the digest the code shows: 60 bits, so collisions among a city's citizens are not a worry. */
    static final int BYTES = 8;

    private PayeeCode() {
    }

    /** "MV-" and the digest's first bytes in four groups of four hex digits, upper case. */
    public static String of(byte[] digest) {
        if (digest == null || digest.length < BYTES) {
            throw new IllegalArgumentException("digest too short");
        }
        String hex = HexFormat.of().formatHex(digest, 0, BYTES).toUpperCase(Locale.ROOT).substring(0, 15);
        return "MV-" + hex.substring(0, 5) + "-" + hex.substring(5, 10) + "-" + hex.substring(10, 15);
    }
}
