package org.mvoting.web.portal;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.mvoting.web.security.PortalLoginService;
import java.io.IOException;

/**
 * The portal's login form (/login.xhtml). The staff authentication mechanism checks the password against
 * the directory and keeps the login in the session; this bean only hands it the credential and then
 * sends the person where they were going.
 */
@Named
@RequestScoped
public class LoginBacking {

    /** Where a login without a (usable) {@code next} lands. */
    public static final String HOME = "/admin/index.xhtml";
    private static final int MAX_NEXT_LENGTH = 2000;

    @Inject
    private PortalLoginService logins;

    private String id;
    private String password;
    private String next;

    /** Reads {@code next} on the first GET; the form carries it in a hidden field after that. */
    @PostConstruct
    void init() {
        next = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("next");
    }

    public void login() throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        String typedId = id == null ? "" : id.strip();
        String typedPassword = password == null ? "" : password;
        password = null; // never rendered back into the page
        if (typedId.isEmpty() || typedPassword.isEmpty()) {
            failed();
            return;
        }
        if (logins.logIn((HttpServletRequest) external.getRequest(), typedId, typedPassword)) {
            external.redirect(external.getRequestContextPath() + safeNext(next));
            faces.responseComplete();
        } else {
            failed();
        }
    }

    /** One message for every failure: it must not tell whether the ID or the password was wrong. */
    private static void failed() {
        PortalMessages.problem(null, "staff-login-failed");
    }

    /**
     * The page to go to after login: only a path inside the portal, so the login page cannot be used to
     * send people to another site ("//evil.example", "/\evil", "https://...") or to a non-portal page.
     */
    public static String safeNext(String next) {
        if (next == null || next.length() > MAX_NEXT_LENGTH || !next.startsWith("/admin/")) {
            return HOME;
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return HOME;
            }
        }
        if (next.contains("//") || next.contains("/../") || next.contains("/./") || next.endsWith("/..")) {
            return HOME;
        }
        return next;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }
}
