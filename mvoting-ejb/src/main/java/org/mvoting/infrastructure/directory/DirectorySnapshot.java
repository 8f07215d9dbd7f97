package org.mvoting.infrastructure.directory;

import java.util.List;
import java.util.Set;

/** Everything the sync needs from the directory, read in one pass. */
public record DirectorySnapshot(List<Unit> units, List<Person> people) {

    /** A unit entry under the org branch, as {@link DirectoryMapping} reads it; kind is CITY, DIVISION, DEPARTMENT or TEAM. */
    public record Unit(String code, String name, String kind, String parentCode) {
    }

    /**
     * A person entry under the people branch, with the roles of the groups they belong to; in a sync's snapshot the
     * unit is the code the person's unit reference resolves to (by name or DN: null when it names no unit, or a name
     * several units share); at login it is the reference as the directory holds it.
     */
    public record Person(String staffId, String name, String title, String unitCode, String managerId,
                         Set<String> roles) {
    }
}
