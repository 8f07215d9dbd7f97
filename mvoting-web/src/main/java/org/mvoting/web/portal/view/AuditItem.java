package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.audit.AuditEntryView;
import org.mvoting.web.portal.PortalTime;

/** One audit-trail entry. */
public class AuditItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final String occurredAt;
    private final String actor;
    private final String action;
    private final String target;
    private final String detail;
    private final String source;

    public AuditItem(AuditEntryView e) {
        id = e.id();
        occurredAt = PortalTime.seconds(e.occurredAt());
        actor = e.actor();
        action = e.action();
        target = e.target();
        detail = e.detail();
        source = e.source();
    }

    public long getId() {
        return id;
    }

    public String getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getTarget() {
        return target;
    }

    public String getDetail() {
        return detail;
    }

    public String getSource() {
        return source;
    }
}
