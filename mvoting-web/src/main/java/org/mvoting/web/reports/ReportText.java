package org.mvoting.web.reports;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.web.portal.PortalTime;

/**
 * The wording and formatting every report shares: labels from the reports bundle (Korean unless the
 * locale is English), times on the city's clock (MVOTING_TIME_ZONE) as {@code yyyy-MM-dd HH:mm}, shares as percentages.
 */
final class ReportText {

    static final String BUNDLE = "org.mvoting.web.i18n.reports";
    static final String TIME_PATTERN = "yyyy-MM-dd HH:mm";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern(TIME_PATTERN, Locale.ROOT);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final ResourceBundle bundle;
    private final Locale locale;

    private ReportText(Locale locale) {
        this.locale = locale == null ? Locale.KOREAN : locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, this.locale, ReportText.class.getClassLoader(), NO_FALLBACK);
    }

    static ReportText of(Locale locale) {
        return new ReportText(locale);
    }

    /** The language the labels are in: {@code en}, or {@code ko} (the base bundle) for any other locale. */
    String language() {
        String language = bundle.getLocale().getLanguage();
        return language.isEmpty() ? "ko" : language;
    }

    /** A label; one that names the city's clock names the city's zone (see {@link PortalTime#label}). */
    String get(String key) {
        return PortalTime.label(bundle, key, locale);
    }

    /** A time on the city's clock, or the "not set" text. */
    String time(Instant instant) {
        return instant == null ? get("value.none") : TIME.format(instant.atZone(zone()));
    }

    /** The local date-time on the city's clock, for spreadsheet date cells; null stays null. */
    static LocalDateTime local(Instant instant) {
        return instant == null ? null : LocalDateTime.ofInstant(instant, zone());
    }

    static ZoneId zone() {
        return CitySettings.timeZone();
    }

    String period(Instant opensAt, Instant closesAt) {
        return new MessageFormat(get("format.period"), locale).format(new Object[] {time(opensAt), time(closesAt)});
    }

    /** A {@code format.*} text with its arguments (already formatted: numbers are passed as text). */
    String format(String key, Object... arguments) {
        return new MessageFormat(get(key), locale).format(arguments);
    }

    /** Text that may be missing: null or blank becomes the "not set" text. */
    String orNone(String text) {
        return text == null || text.isBlank() ? get("value.none") : text;
    }

    String status(ResultsView results) {
        return get(results.finalResult() ? "status.final" : "status.live");
    }

    String verified(ResultsView results) {
        Boolean verified = results.tallyVerified();
        return get(verified == null ? "verified.pending" : verified ? "verified.yes" : "verified.no");
    }

    /** A share (0..1) as a percentage with one decimal and a dot, e.g. {@code 62.5}: the same in every locale. */
    static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f", share * 100);
    }

    /** A count for people to read, grouped in the report's locale (e.g. 1,234). */
    String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }
}
