package org.mvoting.api.staff;

import java.util.Set;

/** A member of staff whose password or token the directory accepted, with the roles of their groups. */
public record StaffIdentity(String staffId, String name, Set<String> roles) {

    public StaffIdentity {
        roles = Set.copyOf(roles);
    }
}
