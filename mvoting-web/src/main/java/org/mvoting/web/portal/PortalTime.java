package org.mvoting.web.portal;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.mvoting.api.settings.CitySettings;

/** The portal shows and takes times on the city's clock (MVOTING_TIME_ZONE), whatever zone the server or browser is in. */
public final class PortalTime {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("MM-dd HH'시'");

    private PortalTime() {
    }

    /** The city's time zone. */
    public static ZoneId zone() {
        return CitySettings.timeZone();
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
