package org.mvoting.infrastructure.persistence;

import java.time.Instant;
import java.time.OffsetDateTime;

/** What native queries return for a timestamp column, as an Instant: the driver and Hibernate differ by type. */
final class NativeValues {

    private NativeValues() {
    }

    /** The instant, or null for SQL NULL. */
    static Instant instant(Object value) {
        if (value == null || value instanceof Instant) {
            return (Instant) value;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
