package org.mvoting.web.portal;

import java.util.Collections;
import java.util.Enumeration;
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
        ResourceBundle texts = PortalText.portal(PortalText.current());
        return texts.containsKey(key) ? texts.getString(key) : null;
    }

    @Override
    public Enumeration<String> getKeys() {
        return Collections.enumeration(PortalText.portal(PortalText.current()).keySet());
    }
}
