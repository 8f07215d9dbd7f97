package org.mvoting.api.audit;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.mvoting.api.errors.InvalidTimeWindowException;

/**
 * The time window an auditor asks for, as the REST API, the portal page and its exports take it: {@code from}
 * inclusive, {@code to} exclusive, either may be open (null). A day ({@code 2026-12-05}) is a day on the city's
 * clock: as {@code from} it starts at that day's 00:00, as {@code to} it ends at the next day's 00:00, so
 * from=2026-12-05&amp;to=2026-12-05 is that whole day. An instant ({@code 2026-12-05T09:30:00Z}) or an offset
 * date-time ({@code 2026-12-05T09:30+09:00}) is taken exactly.
 */
public record AuditWindow(Instant from, Instant to) {

    /** No limit either way. */
    public static final AuditWindow ALL = new AuditWindow(null, null);
    private static final int MAX_LENGTH = 40;

    /** Parses the two query values; blank means open. Refuses anything else with a 400 naming the field. */
    public static AuditWindow parse(String from, String to, ZoneId cityZone) {
        return new AuditWindow(bound(from, "from", false, cityZone), bound(to, "to", true, cityZone));
    }

    /** The days of a date picker (either may be null): the first day's 00:00 up to the end of the last day. */
    public static AuditWindow days(LocalDate first, LocalDate last, ZoneId cityZone) {
        return new AuditWindow(first == null ? null : first.atStartOfDay(cityZone).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(cityZone).toInstant());
    }

    private static Instant bound(String text, String field, boolean end, ZoneId zone) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidTimeWindowException(field);
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (end ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant(); // Z is an offset too
        } catch (DateTimeException | ArithmeticException e) {
            throw new InvalidTimeWindowException(field);
        }
    }

    /** The window for people and files: "from 2026-12-05T00:00+09:00 to …", or "any time". */
    public String describe(ZoneId cityZone) {
        if (from == null && to == null) {
            return "any time";
        }
        return "from " + (from == null ? "the start" : from.atZone(cityZone).toOffsetDateTime())
                + " to " + (to == null ? "now" : to.atZone(cityZone).toOffsetDateTime());
    }
}
