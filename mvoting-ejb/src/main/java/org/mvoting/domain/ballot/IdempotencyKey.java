package org.mvoting.domain.ballot;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.mvoting.api.ballots.BallotBox;
import org.mvoting.api.errors.IdempotencyKeyRequiredException;

/**
 * The client's key for one cast request: a random UUID, or at least 22 random URL-safe characters
 * (128 bits). It must be unguessable: it is the secret that lets only the voter's own retry open the
 * sealed receipt, and it is never stored. Short or repetitive keys (counters, "aaaa...") are refused.
 */
public record IdempotencyKey(String value) {

    private static final int MIN_DISTINCT_CHARACTERS = BallotBox.IDEMPOTENCY_KEY_DISTINCT_CHARACTERS;
    private static final Pattern FORMAT = Pattern.compile(BallotBox.IDEMPOTENCY_KEY_FORMAT);

    public IdempotencyKey {
        if (value == null || !FORMAT.matcher(value).matches()
                || value.chars().distinct().count() < MIN_DISTINCT_CHARACTERS) {
            throw new IdempotencyKeyRequiredException();
        }
    }

    public byte[] bytes() {
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public String toString() {
        return "IdempotencyKey[redacted]";
    }
}
