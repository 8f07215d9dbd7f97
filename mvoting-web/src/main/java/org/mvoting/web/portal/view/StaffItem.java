package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.util.Objects;
import org.mvoting.api.staff.StaffMemberView;

/** A person in the staff search and in a poll's named audience. */
public class StaffItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String staffId;
    private final String name;
    private final String title;
    private final String unitName;

    public StaffItem(StaffMemberView m) {
        this(m.staffId(), m.name(), m.title(), m.unitName());
    }

    public StaffItem(String staffId, String name, String title, String unitName) {
        this.staffId = Objects.requireNonNull(staffId);
        this.name = name;
        this.title = title;
        this.unitName = unitName;
    }

    /** Someone the directory lookup did not find again: shown by portal ID only. */
    public static StaffItem idOnly(String staffId) {
        return new StaffItem(staffId, null, null, null);
    }

    public String getStaffId() {
        return staffId;
    }

    public String getName() {
        return name == null ? staffId : name;
    }

    public String getTitle() {
        return title;
    }

    public String getUnitName() {
        return unitName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StaffItem s && s.staffId.equals(staffId);
    }

    @Override
    public int hashCode() {
        return staffId.hashCode();
    }
}
