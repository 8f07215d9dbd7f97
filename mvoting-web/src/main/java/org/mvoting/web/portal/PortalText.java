package org.mvoting.web.portal;

import jakarta.faces.component.UIViewRoot;
import jakarta.faces.context.FacesContext;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The portal's texts (portal bundle) and the problem texts shared with the REST API (problems bundle).
 * Korean lives in each base bundle. Lookups never fall back to the JVM's default locale: on a server that
 * runs in English, {@code ResourceBundle}'s usual fallback would show English to a Korean page.
 */
public final class PortalText {

    public static final String PORTAL_BUNDLE = "org.mvoting.web.i18n.portal";
    public static final String PROBLEMS_BUNDLE = "org.mvoting.web.i18n.problems";
    public static final Locale DEFAULT_LOCALE = Locale.KOREAN;
    public static final List<Locale> SUPPORTED = List.of(Locale.KOREAN, Locale.ENGLISH);

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private PortalText() {
    }

    /** English for English; Korean for everything else (the portal speaks nothing else). */
    public static Locale supported(Locale wanted) {
        return wanted != null && "en".equals(wanted.getLanguage()) ? Locale.ENGLISH : DEFAULT_LOCALE;
    }

    /**
     * The language the person chose in the portal (Korean unless they switched); the view's own locale can still
     * be the server's default while beans are built, so the session's choice comes first.
     */
    public static Locale current() {
        try {
            var session = jakarta.enterprise.inject.spi.CDI.current().select(PortalSession.class);
            if (session.isResolvable()) {
                return supported(session.get().getLocale());
            }
        } catch (RuntimeException outsideARequest) {
            // no CDI or no session here: fall back to the view
        }
        FacesContext faces = FacesContext.getCurrentInstance();
        UIViewRoot view = faces == null ? null : faces.getViewRoot();
        return supported(view == null ? null : view.getLocale());
    }

    public static ResourceBundle portal(Locale locale) {
        return ResourceBundle.getBundle(PORTAL_BUNDLE, supported(locale), PortalText.class.getClassLoader(), NO_FALLBACK);
    }

    public static ResourceBundle problems(Locale locale) {
        return ResourceBundle.getBundle(PROBLEMS_BUNDLE, supported(locale), PortalText.class.getClassLoader(), NO_FALLBACK);
    }

    /** A portal text, formatted with MessageFormat when there are arguments; the key itself when missing. */
    public static String text(Locale locale, String key, Object... arguments) {
        String pattern;
        try {
            pattern = portal(locale).getString(key);
        } catch (MissingResourceException e) {
            return "???" + key + "???";
        }
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, supported(locale)).format(arguments);
    }

    /** The detail text of a problem code (as the REST API words it), or the fallback detail. */
    public static String problemDetail(Locale locale, String code, Object... arguments) {
        return problem(locale, code + ".detail", "fallback.detail", arguments);
    }

    public static String problemTitle(Locale locale, String code, Object... arguments) {
        return problem(locale, code + ".title", "fallback.title", arguments);
    }

    /** A problem-bundle text by its whole key (a census file's row problem: census-{reason}.row). */
    public static String problemText(Locale locale, String key, Object... arguments) {
        return problem(locale, key, "fallback.detail", arguments);
    }

    private static String problem(Locale locale, String key, String fallback, Object[] arguments) {
        ResourceBundle bundle = problems(locale);
        String pattern = bundle.containsKey(key) ? bundle.getString(key) : bundle.getString(fallback);
        return new MessageFormat(pattern, supported(locale)).format(arguments == null ? new Object[0] : arguments);
    }
}
