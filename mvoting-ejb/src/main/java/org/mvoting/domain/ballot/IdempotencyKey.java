package org.mvoting.domain.ballot;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.mvoting.api.errors.IdempotencyKeyRequiredException;

/**
 * The client's key for one cast request (a UUID is typical). It must be unguessable: it is the secret that
 * lets only the voter's own retry open the sealed receipt, and it is never stored.
 */
public record IdempotencyKey(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{16,64}");

    public IdempotencyKey {
        if (value == null || !FORMAT.matcher(value).matches()) {
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
