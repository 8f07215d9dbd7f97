package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.events.Registration;
import org.mvoting.web.portal.PortalTime;

/** A citizen's request to take part in an event (Registration), as the operator console lists it. */
public class RegistrationItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String id;
    private final String name;
    private final String group;
    private final String status;
    private final String requestedAt;

    public RegistrationItem(Registration r) {
        id = r.id().toString();
        name = r.name();
        group = r.group();
        status = r.status().name();
        requestedAt = r.requestedAt() == null ? "" : PortalTime.minutes(r.requestedAt());
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    /** The group or table the citizen gave; null when none. */
    public String getGroup() {
        return group;
    }

    /** PENDING, APPROVED or DECLINED (the page words it by registrationStatus.*). */
    public String getStatus() {
        return status;
    }

    /** Waiting for a decision: the only state an operator can still act on. */
    public boolean isPending() {
        return Registration.Status.PENDING.name().equals(status);
    }

    /** On the city's clock, to the minute. */
    public String getRequestedAt() {
        return requestedAt;
    }
}
