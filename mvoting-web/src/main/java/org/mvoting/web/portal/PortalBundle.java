package org.mvoting.web.portal;

import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The pages' {@code msg} bundle (registered in faces-config.xml): the texts of {@code i18n/portal*.properties}
 * in the page's language. A class rather than the properties' base name because Faces loads bundles with
 * the JDK's default lookup, which picks {@code portal_en} for a Korean page whenever the server's own
 * locale is English; this one asks {@link PortalText}, which never falls back.
 */
public class PortalBundle extends ResourceBundle {

    @Override
    protected Object handleGetObject(String key) {
        Locale locale = PortalText.current();
        ResourceBundle texts = PortalText.portal(locale);
        return texts.containsKey(key) ? PortalTime.label(texts, key, locale) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(PortalText.portal(PortalText.current()).keySet());
    }
}
