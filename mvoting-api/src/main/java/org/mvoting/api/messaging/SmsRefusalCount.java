package org.mvoting.api.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Refusals of one reason on one day (the city's) from one masked origin to one masked destination.
 *
 * @param origin      the client address masked (203.0.113.x, 2001:db8:1::/48), or {@code outbox} for a campaign
 *                    SMS refused at delivery
 * @param destination the number masked (+82 10-****-5678, +4477*****23), or {@code -} when none was read
 */
public record SmsRefusalCount(LocalDate day, SmsRefusalReason reason, String origin, String destination,
                              long refusals, Instant lastAt) {
}
