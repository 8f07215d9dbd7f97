package org.mvoting.application.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.errors.EventNotAssignedException;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.errors.StaffPermissionException;
import org.mvoting.api.events.EventOperator;
import org.mvoting.api.events.EventView;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.application.staff.StaffScope;
import org.mvoting.domain.organization.OrgUnit;
import org.mvoting.domain.organization.StaffMember;
import org.mvoting.infrastructure.persistence.EventLedger;
import org.mvoting.infrastructure.persistence.StaffRepository;

/**
 * Who may act on an event: an EVENT_OPERATOR assigned to it (its creator always is), the head of the department it
 * was created in, or ADMIN. The role itself is checked by {@code @AllowedRoles}; this is the per-event part.
 */
@ApplicationScoped
class EventAccess {

    @Inject
    private EventLedger events;

    @Inject
    private StaffCaller caller;

    @Inject
    private StaffScope scope;

    @Inject
    private StaffRepository staff;

    /** Acting on the event (its setup, its console, confirming what someone else entered). */
    EventLedger.Ownership requireOperatorOf(UUID eventId) {
        EventLedger.Ownership event = ownership(eventId);
        if (!mayOperate(eventId, event)) {
            throw new EventNotAssignedException(eventId);
        }
        return event;
    }

    /** Whether the caller may act on the event (the console shows its buttons only then). */
    boolean mayOperate(UUID eventId) {
        return events.ownership(eventId).map(event -> mayOperate(eventId, event)).orElse(false);
    }

    /** Assigning and removing operators: the event's creator, the head of its department, or ADMIN. */
    void requireAssignerOf(UUID eventId) {
        EventLedger.Ownership event = ownership(eventId);
        boolean creator = caller.hasRole(Roles.EVENT_OPERATOR) && event.createdBy().equalsIgnoreCase(caller.staffId());
        if (!creator && !caller.hasRole(Roles.ADMIN) && !isHeadOf(event)) {
            throw new StaffPermissionException("not-event-assigner", eventId);
        }
    }

    /** The department the caller works in, which a new event belongs to (none when the directory does not know it). */
    String departmentOfCaller() {
        try {
            return scope.departmentOf(scope.caller()).map(OrgUnit::code).orElse(null);
        } catch (StaffPermissionException notInDirectory) {
            return null;
        }
    }

    /** The event's operators: its creator first, then those assigned, each with their name from the directory. */
    List<EventOperator> operators(EventView event) {
        List<EventOperator> operators = new ArrayList<>();
        operators.add(new EventOperator(event.createdBy(), nameOf(event.createdBy()), true, null, null));
        for (EventLedger.Assignment assigned : events.assignments(event.id())) {
            operators.add(new EventOperator(assigned.staffId(), nameOf(assigned.staffId()), false,
                    assigned.assignedBy(), assigned.assignedAt()));
        }
        return operators;
    }

    private String nameOf(String staffId) {
        return staff.member(staffId).map(StaffMember::name).orElse(staffId);
    }

    private boolean mayOperate(UUID eventId, EventLedger.Ownership event) {
        return caller.hasRole(Roles.ADMIN) || isHeadOf(event)
                || (caller.hasRole(Roles.EVENT_OPERATOR) && events.isOperator(eventId, caller.staffId()));
    }

    private boolean isHeadOf(EventLedger.Ownership event) {
        if (!caller.hasRole(Roles.DEPT_HEAD) || event.departmentCode() == null) {
            return false;
        }
        return Optional.ofNullable(departmentOfCaller()).map(event.departmentCode()::equals).orElse(false);
    }

    private EventLedger.Ownership ownership(UUID eventId) {
        return events.ownership(eventId).orElseThrow(() -> new NotFoundException("event-not-found", eventId));
    }
}
