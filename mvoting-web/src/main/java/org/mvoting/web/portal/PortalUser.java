package org.mvoting.web.portal;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffDirectory;
import org.mvoting.api.staff.StaffMemberView;

/**
 * The signed-in member of staff for this request: name and department from the synced directory, and
 * which roles they hold (to show only the menu entries and buttons they can use; the services still
 * check every call).
 */
@Named
@RequestScoped
public class PortalUser {

    private static final Logger LOG = Logger.getLogger(PortalUser.class.getName());

    @EJB
    private StaffDirectory directory;

    private Optional<StaffMemberView> me;

    /** The directory's entry for the caller; empty when unknown there or not readable with their roles. */
    public Optional<StaffMemberView> me() {
        if (me == null) {
            me = Optional.empty();
            if (principal() != null) {
                try {
                    me = directory.me();
                } catch (RuntimeException e) {
                    // Someone signed in without STAFF or AUDITOR: the header shows their portal ID instead.
                    LOG.log(Level.FINE, "no directory entry for the caller", e);
                }
            }
        }
        return me;
    }

    public String getName() {
        return me().map(StaffMemberView::name).orElseGet(this::getStaffId);
    }

    public String getStaffId() {
        Principal principal = principal();
        return principal == null ? "" : principal.getName();
    }

    public String getTitle() {
        return me().map(StaffMemberView::title).orElse("");
    }

    public String getUnitName() {
        return me().map(StaffMemberView::unitName).orElse("");
    }

    /** The department the caller works in (their polls belong to it); null when the directory has none. */
    public String getDepartmentCode() {
        return me().map(StaffMemberView::departmentCode).orElse(null);
    }

    public boolean isSignedIn() {
        return principal() != null;
    }

    public boolean isStaff() {
        return inRole(Roles.STAFF);
    }

    public boolean isOperator() {
        return inRole(Roles.OPERATOR);
    }

    /** May approve or reject submitted polls. */
    public boolean isApprover() {
        return inRole(Roles.DEPT_HEAD) || inRole(Roles.EXECUTIVE);
    }

    /** May close and extend polls and open meeting polls. */
    public boolean isManager() {
        return isOperator() || isApprover();
    }

    /** Reads polls and their results (the poll list, the poll page). */
    public boolean isReader() {
        return isManager() || inRole(Roles.MAYOR_OFFICE) || isAuditor();
    }

    public boolean isAuditor() {
        return inRole(Roles.AUDITOR);
    }

    /** Decides on citizens' polls held by screening or hidden after reports (the moderation queue). */
    public boolean isModerator() {
        return inRole(Roles.MODERATOR);
    }

    /** Sets up and runs on-site events (the event list and the operator console). */
    public boolean isEventOperator() {
        return inRole(Roles.EVENT_OPERATOR);
    }

    public boolean isAdmin() {
        return inRole(Roles.ADMIN);
    }

    /**
     * Sees the events (list and consoles): event operators and auditors, and those who oversee the events of their
     * department (a department head, who confirms what its operators enter) or all of them (ADMIN).
     */
    public boolean isEventReader() {
        return isEventOperator() || isAuditor() || inRole(Roles.DEPT_HEAD) || isAdmin();
    }

    public boolean inRole(String role) {
        return external().isUserInRole(role);
    }

    /** Who acts, for the audit trail: the services take the name from the login, the address from here. */
    public Actor actor() {
        Object request = external().getRequest();
        String source = request instanceof HttpServletRequest http ? http.getRemoteAddr() : null;
        return new Actor(getStaffId(), source);
    }

    private Principal principal() {
        return external().getUserPrincipal();
    }

    private static ExternalContext external() {
        return FacesContext.getCurrentInstance().getExternalContext();
    }
}
