package org.mvoting.infrastructure.directory;

import java.util.List;
import java.util.Set;

/** Everything the sync needs from the directory, read in one pass. */
public record DirectorySnapshot(List<Unit> units, List<Person> people) {

    /** An organizationalUnit under the org branch; kind is CITY, DIVISION, DEPARTMENT or TEAM. */
    public record Unit(String code, String name, String kind, String parentCode) {
    }

    /** An inetOrgPerson under the people branch, with the roles of the groups they belong to. */
    public record Person(String staffId, String name, String title, String unitCode, String managerId,
                         Set<String> roles) {
    }
}
