package org.mvoting.web.portal;

import jakarta.ejb.EJBAccessException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.validation.ConstraintViolationException;
import java.util.Locale;
import java.util.UUID;
import java.util.logging.Level;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.web.errors.DatabaseUnavailable;

/**
 * Turns whatever a service threw into a message a member of staff can read, in the page's language: a
 * business rule's own text, "role required" for a missing role, and for anything else an incident id
 * (the exception goes to the log under that id). Never a stack trace on a page.
 */
public final class PortalMessages {

    private static final Logger LOG = Logger.getLogger(PortalMessages.class.getName());
    /** Deep enough for EJBException → TransactionRolledbackLocalException → cause; guards against cycles. */
    private static final int MAX_DEPTH = 12;

    private PortalMessages() {
    }

    /** The message for an exception, worded for {@code locale}. */
    public static FacesMessage of(Throwable thrown, Locale locale) {
        Throwable known = known(thrown);
        if (known instanceof BusinessException business) {
            return error(PortalText.problemDetail(locale, business.code(), business.arguments()));
        }
        if (known instanceof EJBAccessException) {
            return error(PortalText.problemDetail(locale, "role-required"));
        }
        if (known instanceof ConstraintViolationException) {
            return error(PortalText.problemDetail(locale, "validation-failed"));
        }
        if (DatabaseUnavailable.causedBy(thrown)) {
            LOG.warning(() -> "Database unavailable, said on the page: " + thrown);
            return error(PortalText.problemDetail(locale, DatabaseUnavailable.CODE));
        }
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Portal error, incident " + incident, thrown);
        return error(PortalText.problemDetail(locale, "internal-error", incident));
    }

    /** The problem code the page shows for this exception (internal-error for unknown ones); for tests and logs. */
    public static String code(Throwable thrown) {
        Throwable known = known(thrown);
        if (known instanceof BusinessException business) {
            return business.code();
        }
        if (known instanceof EJBAccessException) {
            return "role-required";
        }
        if (known instanceof ConstraintViolationException) {
            return "validation-failed";
        }
        return DatabaseUnavailable.causedBy(thrown) ? DatabaseUnavailable.CODE : "internal-error";
    }

    /**
     * A refusal the page words itself (a business rule, a missing role, a validation failure, a database that cannot
     * be reached for now), inside whatever
     * wrappers the container added; false for anything unexpected.
     */
    public static boolean isRefusal(Throwable thrown) {
        Throwable known = known(thrown);
        return known instanceof BusinessException || known instanceof EJBAccessException
                || known instanceof ConstraintViolationException || DatabaseUnavailable.causedBy(thrown);
    }

    /** Adds the message for an exception to the page (global when {@code clientId} is null). */
    public static void add(String clientId, Throwable thrown) {
        FacesContext.getCurrentInstance().addMessage(clientId, of(thrown, PortalText.current()));
    }

    /**
     * A read the page makes while it renders (a lazy table's rows, a tree built on first sight): past the point
     * where {@link PortalExceptionHandler} can keep the page, so a failure is said here and {@code fallback} shown.
     * Everything an action throws is left to the exception handler instead.
     */
    public static <T> T readWhileRendering(Supplier<T> read, T fallback) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            add(null, e);
            return fallback;
        }
    }

    /**
     * Reloads what the page shows after an action, refused or not (call it in the action's {@code finally}): a reload
     * that fails is said as a message of its own, so it never takes the place of the refusal the action threw.
     */
    public static void reload(Runnable reload) {
        readWhileRendering(() -> {
            reload.run();
            return null;
        }, null);
    }

    /** A success note from the portal bundle. */
    public static void info(String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(null,
                new FacesMessage(FacesMessage.SEVERITY_INFO, PortalText.text(PortalText.current(), key, arguments), null));
    }

    /** A refusal the page itself words, from the portal bundle. */
    public static void error(String clientId, String key, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(clientId, error(PortalText.text(PortalText.current(), key, arguments)));
    }

    /** A refusal worded by a problem code (the same text the REST API gives). */
    public static void problem(String clientId, String code, Object... arguments) {
        FacesContext.getCurrentInstance().addMessage(clientId,
                error(PortalText.problemDetail(PortalText.current(), code, arguments)));
    }

    private static FacesMessage error(String text) {
        return new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null);
    }

    /**
     * The business exception, the access refusal or the validation failure inside the wrappers the EJB
     * container may add (EJBException, TransactionRolledbackLocalException); the thrown one otherwise.
     * An EJBAccessException is itself an EJBException, so it is recognised before unwrapping.
     */
    private static Throwable known(Throwable thrown) {
        Throwable t = thrown;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++) {
            if (t instanceof BusinessException || t instanceof EJBAccessException
                    || t instanceof ConstraintViolationException) {
                return t;
            }
            t = t.getCause();
        }
        return thrown;
    }
}
