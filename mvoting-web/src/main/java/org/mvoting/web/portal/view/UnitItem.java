package org.mvoting.web.portal.view;

import java.io.Serializable;
import org.mvoting.api.staff.OrgUnitView;

/** A unit of the org chart in the audience tree. */
public class UnitItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final String name;
    private final String kind;

    public UnitItem(OrgUnitView u) {
        code = u.code();
        name = u.name();
        kind = u.kind();
    }

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getKind() {
        return kind;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnitItem u && u.code.equals(code);
    }

    @Override
    public int hashCode() {
        return code.hashCode();
    }

    @Override
    public String toString() {
        return name;
    }
}
