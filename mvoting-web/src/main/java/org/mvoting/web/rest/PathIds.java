package org.mvoting.web.rest;

import java.util.UUID;
import org.mvoting.api.errors.PollNotFoundException;

/** Reads ids from URL paths: an id that cannot exist is simply a poll that is not found. */
final class PathIds {

    private PathIds() {
    }

    static UUID poll(String raw) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new PollNotFoundException(raw.length() > 40 ? raw.substring(0, 40) : raw);
        }
    }

    static int nonNegative(String raw, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Math.max(0, Integer.parseInt(raw.strip()));
        } catch (NumberFormatException e) {
            throw new jakarta.ws.rs.BadRequestException();
        }
    }
}
