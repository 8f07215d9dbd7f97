package org.mvoting.api.staff;

import java.util.List;

/** A person in the synced directory. */
public record StaffMemberView(String staffId, String name, String title, String unitCode, String unitName,
                              String departmentCode, String managerId, List<String> roles, boolean active) {
}
