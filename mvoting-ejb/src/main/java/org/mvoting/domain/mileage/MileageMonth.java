package org.mvoting.domain.mileage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.mvoting.api.errors.InvalidMileageMonthException;

/**
 * A payout month: calendar days in the city's time zone, because ledger rows carry the city's day (an award made at
 * 00:30 on the 1st in Seoul belongs to the new month, whatever the server's clock says).
 */
public record MileageMonth(YearMonth month) {

    public MileageMonth {
        if (month == null || month.getYear() < 2000 || month.getYear() > 9999) {
            throw new InvalidMileageMonthException(String.valueOf(month));
        }
    }

    /** "2026-12"; anything else is refused with mileage-month-invalid. */
    public static MileageMonth parse(String text) {
        try {
            return new MileageMonth(YearMonth.parse(text == null ? "" : text.strip()));
        } catch (DateTimeParseException e) {
            throw new InvalidMileageMonthException(text);
        }
    }

    /** The month holding this city day. */
    public static MileageMonth of(LocalDate cityDay) {
        return new MileageMonth(YearMonth.from(cityDay));
    }

    public LocalDate firstDay() {
        return month.atDay(1);
    }

    public LocalDate lastDay() {
        return month.atEndOfMonth();
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(firstDay()) && !day.isAfter(lastDay());
    }
}
