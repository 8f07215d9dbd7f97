package org.mvoting.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.mvoting.web.rest.problem.ProblemResponses;

/**
 * The language a member of staff chose for the portal: at first the one every mVoting answer follows (Korean, or
 * English when the browser puts English before Korean), then whatever they switch to.
 */
@Named
@SessionScoped
public class PortalSession implements Serializable {

    private static final long serialVersionUID = 1L;

    private Locale locale = PortalText.DEFAULT_LOCALE;

    @PostConstruct
    void firstLanguage() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null) {
            // the header itself: the view's locale would be the JVM's (English) for a browser that sends none
            locale = PortalText.supported(ProblemResponses.preferred(
                    faces.getExternalContext().getRequestHeaderMap().get("Accept-Language")));
        }
    }

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
