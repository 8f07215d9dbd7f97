package org.mvoting.application.staff;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.mvoting.api.errors.StaffPermissionException;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.domain.organization.Department;
import org.mvoting.domain.organization.OrgUnit;
import org.mvoting.domain.organization.StaffMember;
import org.mvoting.infrastructure.persistence.StaffRepository;

/**
 * Which department a member of staff acts for, and what their roles let them do there. Roles come from
 * the container (the directory's groups at login); the department comes from the synced org chart.
 */
@ApplicationScoped
public class StaffScope {

    @Inject
    private StaffRepository staff;

    @Inject
    private StaffCaller context; // who is asking (set by the web tier after authentication)

    /** The calling member of staff; refused when the synced directory does not know them (or they left). */
    public StaffMember caller() {
        String id = context.staffId();
        return staff.member(id).filter(StaffMember::active)
                .orElseThrow(() -> new StaffPermissionException("not-in-directory", id));
    }

    /** The department the caller belongs to (their team's department, or the department they head). */
    public Optional<OrgUnit> departmentOf(StaffMember member) {
        Map<String, OrgUnit> units = units();
        return departmentOf(units.get(member.unitCode()), units);
    }

    static Optional<OrgUnit> departmentOf(OrgUnit unit, Map<String, OrgUnit> units) {
        Set<String> visited = new HashSet<>();
        OrgUnit current = unit;
        while (current != null && visited.add(current.code())) {
            if (current.kind() == OrgUnit.Kind.DEPARTMENT) {
                return Optional.of(current);
            }
            current = current.parentCode() == null ? null : units.get(current.parentCode());
        }
        return Optional.empty();
    }

    /** Drafting, submitting and closing: an OPERATOR of that very department. */
    public void requireOperatorOf(Department department) {
        StaffMember me = caller();
        if (!context.hasRole(Roles.OPERATOR) || !isOwnDepartment(me, department)) {
            throw new StaffPermissionException("not-operator-of", department.code());
        }
    }

    /**
     * Approving: the head of that department, or an executive whose division contains it; an executive of
     * the mayor's office approves for every department.
     */
    public StaffMember requireApproverOf(Department department) {
        StaffMember me = caller();
        if (context.hasRole(Roles.DEPT_HEAD) && isOwnDepartment(me, department)) {
            return me;
        }
        if (context.hasRole(Roles.EXECUTIVE) && (context.hasRole(Roles.MAYOR_OFFICE)
                || unitContains(me.unitCode(), department.code()))) {
            return me;
        }
        throw new StaffPermissionException("not-approver-of", department.code());
    }

    /**
     * Speaking for the department about its own poll (the policy cycle): an OPERATOR or the DEPT_HEAD of that very
     * department; executives and other departments are refused, since the step is the department's own statement.
     */
    public StaffMember requireOwnStaffOf(Department department) {
        StaffMember me = caller();
        if ((context.hasRole(Roles.OPERATOR) || context.hasRole(Roles.DEPT_HEAD)) && isOwnDepartment(me, department)) {
            return me;
        }
        throw new StaffPermissionException("not-department-staff-of", department.code());
    }

    /** Managing (close, extend, copy, lists): the department's operators, its approvers. */
    public void requireManagerOf(Department department) {
        if (!canManage(department)) {
            throw new StaffPermissionException("not-manager-of", department.code());
        }
    }

    public boolean canManage(Department department) {
        StaffMember me = caller();
        boolean own = isOwnDepartment(me, department);
        return (context.hasRole(Roles.OPERATOR) && own) || (context.hasRole(Roles.DEPT_HEAD) && own)
                || (context.hasRole(Roles.EXECUTIVE) && (context.hasRole(Roles.MAYOR_OFFICE)
                || unitContains(me.unitCode(), department.code())));
    }

    /** Reading polls and results: managers, plus auditors and the mayor's office for every department. */
    public void requireReaderOf(Department department) {
        if (context.hasRole(Roles.AUDITOR) || context.hasRole(Roles.MAYOR_OFFICE)) {
            return;
        }
        requireManagerOf(department);
    }

    /** True when everything is visible to the caller (auditors and the mayor's office). */
    public boolean seesEveryDepartment() {
        return context.hasRole(Roles.AUDITOR) || context.hasRole(Roles.MAYOR_OFFICE);
    }

    /** The departments whose polls the caller manages (their own, or all below their division). */
    public Set<String> managedDepartmentCodes() {
        if (!context.hasRole(Roles.OPERATOR) && !context.hasRole(Roles.DEPT_HEAD) && !context.hasRole(Roles.EXECUTIVE)) {
            return Set.of(); // plain staff vote; they do not see their department's drafts
        }
        StaffMember me = caller();
        Map<String, OrgUnit> units = units();
        Set<String> codes = new HashSet<>();
        if (context.hasRole(Roles.EXECUTIVE)) {
            OrgUnit mine = units.get(me.unitCode());
            boolean everywhere = context.hasRole(Roles.MAYOR_OFFICE);
            units.values().stream().filter(u -> u.kind() == OrgUnit.Kind.DEPARTMENT)
                    .filter(u -> everywhere || (mine != null && mine.contains(u)))
                    .forEach(u -> codes.add(u.code()));
        }
        departmentOf(units.get(me.unitCode()), units).ifPresent(d -> codes.add(d.code()));
        return codes;
    }

    private boolean isOwnDepartment(StaffMember me, Department department) {
        return departmentOf(me).map(d -> d.code().equals(department.code())).orElse(false);
    }

    private boolean unitContains(String outerCode, String innerCode) {
        Optional<OrgUnit> outer = staff.unit(outerCode);
        Optional<OrgUnit> inner = staff.unit(innerCode);
        return outer.isPresent() && inner.isPresent() && outer.get().contains(inner.get());
    }

    private Map<String, OrgUnit> units() {
        return staff.units().stream().collect(Collectors.toMap(OrgUnit::code, Function.identity()));
    }
}
