package org.mvoting.domain.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A person in the staff directory, as the last sync saw them. Someone who leaves the directory is kept
 * (inactive, with the time they left): they can no longer log in or vote, and the audit trail still names them.
 */
@Entity
@Table(name = "staff_member")
public class StaffMember {

    public static final int ID_LENGTH = 64;

    @Id
    @Column(name = "staff_id", length = ID_LENGTH)
    private String staffId;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(length = 100)
    private String title;

    @Column(name = "unit_code", length = OrgUnit.CODE_LENGTH)
    private String unitCode;

    @Column(name = "manager_id", length = ID_LENGTH)
    private String managerId;

    /** Comma-separated, sorted: a stable text so that "did the roles change" is a string comparison. */
    @Column(nullable = false, length = 300)
    private String roles;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "synced_at", nullable = false)
    private Instant syncedAt;

    @Column(name = "left_at")
    private Instant leftAt;

    protected StaffMember() {
    }

    public StaffMember(String staffId, String name, String title, String unitCode, String managerId,
                       Set<String> roles, Instant now) {
        this.staffId = Objects.requireNonNull(staffId, "staffId");
        this.active = true;
        update(name, title, unitCode, managerId, roles, now);
    }

    /** What a sync found for this person, and how it differs from before. */
    public enum Change { NONE, CHANGED, MOVED, RETURNED }

    /** Takes the directory's current record for this person. */
    public Change update(String newName, String newTitle, String newUnit, String newManager, Set<String> newRoles,
                         Instant now) {
        String roleText = String.join(",", new TreeSet<>(newRoles));
        Change change;
        if (!active) {
            change = Change.RETURNED;
        } else if (!Objects.equals(unitCode, newUnit)) {
            change = Change.MOVED;
        } else if (!Objects.equals(name, newName) || !Objects.equals(title, newTitle)
                || !Objects.equals(managerId, newManager) || !Objects.equals(roles, roleText)) {
            change = Change.CHANGED;
        } else {
            change = Change.NONE;
        }
        this.name = Objects.requireNonNull(newName, "name");
        this.title = newTitle;
        this.unitCode = newUnit;
        this.managerId = newManager;
        this.roles = roleText;
        this.active = true;
        this.leftAt = null;
        this.syncedAt = now;
        return change;
    }

    /** The directory no longer lists this person. */
    public void leave(Instant now) {
        if (active) {
            active = false;
            leftAt = now;
        }
    }

    public String staffId() {
        return staffId;
    }

    public String name() {
        return name;
    }

    public String title() {
        return title;
    }

    public String unitCode() {
        return unitCode;
    }

    public String managerId() {
        return managerId;
    }

    public List<String> roles() {
        return roles.isEmpty() ? List.of() : Arrays.asList(roles.split(","));
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    public boolean active() {
        return active;
    }

    public Instant leftAt() {
        return leftAt;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaffMember s && staffId.equals(s.staffId);
    }

    @Override
    public int hashCode() {
        return staffId.hashCode();
    }
}
