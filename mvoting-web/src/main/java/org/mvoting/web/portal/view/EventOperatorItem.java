package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.events.EventOperator;

/** An operator of an event as the console lists it: the creator, or one assigned and by whom. */
public class EventOperatorItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String staffId;
    private final String name;
    private final boolean creator;
    private final String assignedBy;

    public EventOperatorItem(EventOperator operator) {
        staffId = operator.staffId();
        name = operator.name();
        creator = operator.creator();
        assignedBy = operator.assignedBy();
    }

    public String getStaffId() {
        return staffId;
    }

    public String getName() {
        return name;
    }

    public boolean isCreator() {
        return creator;
    }

    public String getAssignedBy() {
        return assignedBy;
    }
}
