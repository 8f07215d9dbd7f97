package org.mvoting.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import org.mvoting.api.staff.StaffSignIn;

/** The portal's login and logout: a directory check, then the login is kept in a fresh HTTP session. */
@ApplicationScoped
public class PortalLoginService {

    @Inject
    private StaffIdentityStore identities;

    /**
     * True when the directory accepted the ID and password; the session then holds the login. A lock (too many
     * wrong passwords for this ID from this address, or for any IDs from it) is thrown as a refusal, which the
     * portal shows as a message.
     */
    public boolean logIn(HttpServletRequest request, String staffId, String password) {
        if (staffId == null || password == null) {
            return false;
        }
        CredentialValidationResult result = identities.validate(new UsernamePasswordCredential(staffId.strip(), password),
                request.getRemoteAddr(), StaffSignIn.Channel.PORTAL);
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return false;
        }
        // A new session id at login: a session id planted before login is worth nothing after it.
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        HttpSession session = request.getSession(true);
        session.setAttribute(PortalLogin.SESSION_ATTRIBUTE, new PortalLogin(result.getCallerPrincipal().getName(),
                result.getCallerGroups(), Instant.now()));
        return true;
    }

    public void logOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
