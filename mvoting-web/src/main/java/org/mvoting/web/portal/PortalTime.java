package org.mvoting.web.portal;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import org.mvoting.api.settings.CitySettings;

/** The portal shows and takes times on the city's clock (MVOTING_TIME_ZONE), whatever zone the server or browser is in. */
public final class PortalTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH'시'");

    private PortalTime() {
    }

    /** The zone the bundles' time labels name as written ("서울 시각", "Seoul time"), the default city's. */
    static final ZoneId LABELLED_ZONE = ZoneId.of("Asia/Seoul");
    /** The suffix of a label's variant for any other zone, with the zone's id as {0}. */
    static final String ANY_ZONE = ".anyZone";

    /** The city's time zone. */
    public static ZoneId zone() {
        return CitySettings.timeZone();
    }

    /**
     * A label from {@code bundle} that names the city's clock: as written while the city is Seoul; in any other zone
     * its {@code key.anyZone} variant with the zone's id, so nobody reads "Seoul time" beside another city's times.
     * Keys without a variant are returned as they are.
     */
    public static String label(ResourceBundle bundle, String key, Locale locale) {
        ZoneId city = zone();
        if (city.equals(LABELLED_ZONE) || !bundle.containsKey(key + ANY_ZONE)) {
            return bundle.getString(key);
        }
        return new MessageFormat(bundle.getString(key + ANY_ZONE), locale).format(new Object[] {city.getId()});
    }

    public static String minutes(Instant at) {
        return at == null ? "" : MINUTES.format(at.atZone(zone()));
    }

    public static String seconds(Instant at) {
        return at == null ? "" : SECONDS.format(at.atZone(zone()));
    }

    /** A short label for an hour on a chart axis. */
    public static String hour(Instant at, boolean english) {
        return at == null ? "" : english ? DateTimeFormatter.ofPattern("MM-dd HH:00").format(at.atZone(zone()))
                : HOUR.format(at.atZone(zone()));
    }

    public static LocalDateTime local(Instant at) {
        return at == null ? null : LocalDateTime.ofInstant(at, zone());
    }

    public static Instant instant(LocalDateTime local) {
        return local == null ? null : local.atZone(zone()).toInstant();
    }
}
