package org.mvoting.web.portal;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.api.errors.ErrorKind;
import org.mvoting.api.staff.StaffSignIn;
import org.mvoting.web.rest.problem.RefusedActions;
import jakarta.el.ELException;
import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.faces.event.ExceptionQueuedEventContext;
import jakarta.faces.event.PhaseId;
import java.util.Iterator;

/**
 * The portal's one answer to what an action threw: the message {@link PortalMessages} words (a business rule's
 * own text, "role required", or an incident id), shown on the same view, which is then rendered again as it is
 * (Ajax requests redraw their own update targets, where every page's p:messages is). So no backing bean
 * catches a service's refusal itself.
 *
 * <p>Only what an action, a view action or a listener threw is shown this way (the phases before the response
 * is rendered): an expired view, a page that fails while it renders, or a response already sent go on to the
 * wrapped handler and from there to the error page, as before. A refusal (a business exception, a missing role,
 * a validation failure) is recognised in any of those phases; anything else only from the invoke-application
 * phase, where actions run, worded as an incident and logged under its id, as the beans' own catches did.
 */
public class PortalExceptionHandler extends ExceptionHandlerWrapper {

    public PortalExceptionHandler(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        Iterator<ExceptionQueuedEvent> queued = getUnhandledExceptionQueuedEvents().iterator();
        while (queued.hasNext()) {
            ExceptionQueuedEventContext event = queued.next().getContext();
            FacesContext faces = event.getContext();
            Throwable thrown = thrownByTheApplication(event.getException());
            if (!faces.getResponseComplete() && shownOnThePage(thrown, event.getPhaseId())) {
                if (refusedToStaff(thrown)) {
                    RefusedActions.record(CDI.current().select(StaffSignIn.class).get(), PortalMessages.code(thrown),
                            (HttpServletRequest) faces.getExternalContext().getRequest());
                }
                PortalMessages.add(null, thrown);
                faces.renderResponse();
                queued.remove();
            }
        }
        getWrapped().handle();
    }

    /** Whether this exception, thrown in this phase, becomes a message on the same view. */
    static boolean shownOnThePage(Throwable thrown, PhaseId phase) {
        if (phase == null || phase == PhaseId.RESTORE_VIEW || phase == PhaseId.RENDER_RESPONSE
                || !(thrown instanceof RuntimeException) || thrown instanceof ViewExpiredException) {
            return false;
        }
        return PortalMessages.isRefusal(thrown) || phase == PhaseId.INVOKE_APPLICATION;
    }

    /** A 403: a rule refused the member of staff (the audit trail keeps it). */
    static boolean refusedToStaff(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < 12; depth++, t = t.getCause()) {
            if (t instanceof BusinessException b) {
                return b.kind() == ErrorKind.FORBIDDEN;
            }
            if (t instanceof jakarta.ejb.EJBAccessException) {
                return true;
            }
        }
        return false;
    }

    /** What the method itself threw, inside the FacesException and ELException that Faces and EL wrap it in. */
    static Throwable thrownByTheApplication(Throwable thrown) {
        Throwable t = thrown;
        while ((t instanceof FacesException || t instanceof ELException) && t.getCause() != null
                && !(t instanceof ViewExpiredException)) {
            t = t.getCause();
        }
        return t;
    }
}
