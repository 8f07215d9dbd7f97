package org.mvoting.application.messaging;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import org.mvoting.domain.messaging.PushNotification;

/**
 * The wording of staff notices, from the staff resource bundle: Korean first, English second in one notice (the
 * mobile office does not tell us a person's language), the closing time in the city's time zone, and the link to the
 * poll's page in the portal.
 */
public final class StaffTexts {

    /** The portal's vote page; the short link of a staff poll leads there too. */
    static final String VOTE_PAGE = "/admin/vote.xhtml?id=";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private StaffTexts() {
    }

    /**
     * "새 투표: {title} / New poll: {title}" and "{department}에서 의견을 묻습니다. {closes}까지" then the English line;
     * {@code siteUrl} (MVOTING_PUBLIC_URL) makes the link absolute, as a notice leaves the site.
     */
    public static PushNotification pollOpened(UUID pollId, String pollTitle, String department, Instant closesAt,
                                              ZoneId cityZone, String siteUrl) {
        ResourceBundle korean = bundle(Locale.KOREAN);
        ResourceBundle english = bundle(Locale.ENGLISH);
        String title = format(korean, Locale.KOREAN, "poll.opened.title", pollTitle, department, closesAt, cityZone)
                + " / " + format(english, Locale.ENGLISH, "poll.opened.title", pollTitle, department, closesAt, cityZone);
        String body = format(korean, Locale.KOREAN, "poll.opened.body", pollTitle, department, closesAt, cityZone)
                + "\n" + format(english, Locale.ENGLISH, "poll.opened.body", pollTitle, department, closesAt, cityZone);
        String base = siteUrl == null ? "" : siteUrl.replaceAll("/+$", "");
        return new PushNotification(title, body, base + VOTE_PAGE + pollId);
    }

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.mvoting.application.messaging.staff", locale,
                StaffTexts.class.getClassLoader(), NO_FALLBACK);
    }

    private static String format(ResourceBundle bundle, Locale locale, String key, String pollTitle, String department,
                                 Instant closesAt, ZoneId cityZone) {
        String closes = DateTimeFormatter.ofPattern(bundle.getString("poll.opened.closes"), locale)
                .format(closesAt.atZone(cityZone));
        return new MessageFormat(bundle.getString(key), locale).format(new Object[] {pollTitle, department, closes});
    }
}
