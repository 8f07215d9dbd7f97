package org.mvoting.application.messaging;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/** SMS wording from the sms resource bundle; Korean unless asked otherwise. */
public final class SmsTexts {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private SmsTexts() {
    }

    public static String text(Locale locale, String key, Object... arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.mvoting.application.messaging.sms", locale,
                SmsTexts.class.getClassLoader(), NO_FALLBACK);
        return new MessageFormat(bundle.getString(key), locale).format(arguments);
    }
}
