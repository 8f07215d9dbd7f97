package org.mvoting.infrastructure.directory;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.api.settings.CitySettings.RoleSource;
import org.mvoting.api.settings.CitySettings.SearchDepth;
import org.mvoting.api.settings.CitySettings.UnitLayout;
import org.mvoting.api.settings.CitySettings.UnitReference;
import org.mvoting.api.staff.Roles;

/**
 * Which LDAP object classes and attributes hold people, units and roles: every city's directory is shaped a little
 * differently, so this is configuration ({@code MVOTING_LDAP_*}, read by {@link #current()}), and its defaults read
 * the demo directory's layout. The rules that turn the directory's words into the org chart's live here too.
 *
 * @param unitTypes the directory's words for unit types, in lower case, to a kind of {@link CitySettings#UNIT_KINDS}
 * @param roleGroups group names in lower case to the roles they give; empty: a group named like a role gives it
 */
public record DirectoryMapping(
        String personClass, String personId, String personName, String personTitle, String personUnit,
        UnitReference personUnitBy, String personManager, SearchDepth peopleScope,
        RoleSource rolesBy, String groupClass, String groupName, String groupMember, String memberOf,
        Map<String, Set<String>> roleGroups,
        String unitClass, String unitCode, String unitName, String unitType, Map<String, String> unitTypes,
        UnitLayout unitLayout, String unitParent) {

    public DirectoryMapping {
        roleGroups = Map.copyOf(roleGroups);
        unitTypes = Map.copyOf(unitTypes);
        if (unitLayout == UnitLayout.FLAT && unitParent == null) {
            throw new IllegalArgumentException("a FLAT unit layout needs the parent attribute");
        }
    }

    /** The mapping the settings now in force describe (read per call, like every setting). */
    public static DirectoryMapping current() {
        return new DirectoryMapping(CitySettings.ldapPersonClass(), CitySettings.ldapPersonId(),
                CitySettings.ldapPersonName(), CitySettings.ldapPersonTitle(), CitySettings.ldapPersonUnit(),
                CitySettings.ldapPersonUnitBy(), CitySettings.ldapPersonManager(), CitySettings.ldapPeopleScope(),
                CitySettings.ldapRolesBy(), CitySettings.ldapGroupClass(), CitySettings.ldapGroupName(),
                CitySettings.ldapGroupMember(), CitySettings.ldapMemberOf(), CitySettings.ldapRoleGroups(),
                CitySettings.ldapUnitClass(), CitySettings.ldapUnitCode(), CitySettings.ldapUnitName(),
                CitySettings.ldapUnitType(), CitySettings.ldapUnitTypes(), CitySettings.ldapUnitLayout(),
                CitySettings.ldapUnitParent().orElse(null));
    }

    /** The person attributes a login or a sync reads. */
    String[] personAttributes() {
        return rolesBy == RoleSource.MEMBER_OF
                ? new String[] {personId, personName, personTitle, personUnit, personManager, memberOf}
                : new String[] {personId, personName, personTitle, personUnit, personManager};
    }

    /** The unit attributes a sync reads. */
    String[] unitAttributes() {
        return unitParent == null ? new String[] {unitCode, unitName, unitType}
                : new String[] {unitCode, unitName, unitType, unitParent};
    }

    /**
     * The kind of a unit: its type word when the directory gives a known one (a kind's own name, or a word of
     * {@code MVOTING_LDAP_UNIT_TYPES} such as 과), else by depth below the org branch as the demo chart is built:
     * city, division, department, then teams.
     */
    public String kindOf(String type, int depth) {
        if (type != null) {
            String word = type.strip();
            String upper = word.toUpperCase(Locale.ROOT);
            if (CitySettings.UNIT_KINDS.contains(upper)) {
                return upper;
            }
            String mapped = unitTypes.get(word.toLowerCase(Locale.ROOT));
            if (mapped != null) {
                return mapped;
            }
        }
        return switch (depth) {
            case 1 -> "CITY";
            case 2 -> "DIVISION";
            case 3 -> "DEPARTMENT";
            default -> "TEAM";
        };
    }

    /**
     * The roles a group gives: by {@code MVOTING_LDAP_ROLE_GROUPS} when set (then only the groups it names count),
     * else the role whose name the group has (any case).
     */
    public Set<String> rolesOf(String group) {
        if (group == null) {
            return Set.of();
        }
        if (!roleGroups.isEmpty()) {
            return roleGroups.getOrDefault(group.strip().toLowerCase(Locale.ROOT), Set.of());
        }
        String upper = group.strip().toUpperCase(Locale.ROOT);
        return Roles.ALL.contains(upper) ? Set.of(upper) : Set.of();
    }

    /** The group names to look for when roles come from group entries; empty: every group of the class. */
    List<String> groupNames() {
        return roleGroups.isEmpty() ? Roles.ALL : List.copyOf(roleGroups.keySet());
    }

    /** The flat layout's parent attribute, if units are flat. */
    Optional<String> flatParent() {
        return unitLayout == UnitLayout.FLAT ? Optional.of(unitParent) : Optional.empty();
    }
}
