package org.mvoting.application.messaging;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.UUID;
import org.mvoting.domain.messaging.PushNotification;

/** Push notification wording from the push resource bundle; Korean unless asked otherwise. */
public final class PushTexts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private PushTexts() {
    }

    /** "새 투표: {title}" / "{department}에서 의견을 묻습니다. {closes}까지", opening the poll in the mobile web. */
    public static PushNotification newPoll(Locale locale, UUID pollId, String pollTitle, String department, Instant closesAt,
                                    ZoneId cityZone) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.mvoting.application.messaging.push", locale,
                PushTexts.class.getClassLoader(), NO_FALLBACK);
        String closes = DateTimeFormatter.ofPattern(bundle.getString("poll.new.closes"), locale)
                .format(closesAt.atZone(cityZone));
        Object[] arguments = {pollTitle, department, closes};
        return new PushNotification(format(bundle, locale, "poll.new.title", arguments),
                format(bundle, locale, "poll.new.body", arguments), "/m/#/polls/" + pollId);
    }

    /**
     * "결정: {title}" / "{department}에서 참여하신 투표의 결정을 알립니다. {decision}", opening the poll's results (where
     * the policy cycle is shown). The decision's text is cut short by the notification's own limit.
     */
    public static PushNotification decision(Locale locale, UUID pollId, String pollTitle, String department,
                                            String decision) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.mvoting.application.messaging.push", locale,
                PushTexts.class.getClassLoader(), NO_FALLBACK);
        Object[] arguments = {pollTitle, department, decision};
        return new PushNotification(format(bundle, locale, "poll.decision.title", arguments),
                format(bundle, locale, "poll.decision.body", arguments), "/m/#/polls/" + pollId + "/results");
    }

    private static String format(ResourceBundle bundle, Locale locale, String key, Object[] arguments) {
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
