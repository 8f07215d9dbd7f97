package org.mvoting.web.portal;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;

/** The language a member of staff chose for the portal; Korean until they switch. */
@Named
@SessionScoped
public class PortalSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale = PortalText.DEFAULT_LOCALE;

    public Locale getLocale() {
        return locale;
    }

    public String getLanguage() {
        return locale.getLanguage();
    }

    public boolean isEnglish() {
        return Locale.ENGLISH.equals(locale);
    }

    /**
     * Switches and re-renders the same page. The view's locale is set here as well because f:view's
     * attribute was already applied when this postback rebuilt the view.
     */
    public String switchTo(String language) {
        locale = PortalText.supported(Locale.forLanguageTag(language));
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getViewRoot() != null) {
            faces.getViewRoot().setLocale(locale);
        }
        return null;
    }
}
