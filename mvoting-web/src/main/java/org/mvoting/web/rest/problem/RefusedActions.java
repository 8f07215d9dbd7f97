package org.mvoting.web.rest.problem;

import jakarta.servlet.http.HttpServletRequest;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.api.staff.StaffSignIn;

/** A member of staff refused an action (403) goes to the audit trail: what they tried, from where, and why not. */
public final class RefusedActions {

    private static final Logger LOG = Logger.getLogger(RefusedActions.class.getName());
    private static final int MAX_ACTION = 100;

    private RefusedActions() {
    }

    /** Records the refusal; a failure to record it never changes the answer the caller gets. */
    public static void record(StaffSignIn signIn, String code, HttpServletRequest request) {
        if (signIn == null || request == null) {
            return;
        }
        String action = request.getMethod() + " " + request.getRequestURI();
        try {
            signIn.refused(code, action.length() > MAX_ACTION ? action.substring(0, MAX_ACTION) : action,
                    request.getRemoteAddr());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not record a refused action in the audit trail", e);
        }
    }
}
