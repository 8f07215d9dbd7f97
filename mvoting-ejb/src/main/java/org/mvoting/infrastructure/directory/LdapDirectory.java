package org.mvoting.infrastructure.directory;

import com.unboundid.ldap.sdk.BindResult;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SimplePagedResultsControl;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.api.settings.CitySettings.RoleSource;
import org.mvoting.api.settings.CitySettings.SearchDepth;
import org.mvoting.api.settings.CitySettings.UnitReference;

/**
 * Reads the staff directory over LDAP, in the shape {@link DirectoryMapping} describes (configuration; its defaults
 * read the demo LDIF's layout: units are nested organizationalUnits under {@code ou=org} with ou = code,
 * description = name, businessCategory = CITY/DIVISION/DEPARTMENT/TEAM; people are inetOrgPersons under
 * {@code ou=people} with uid = portal ID, departmentNumber = unit code, manager = DN; roles are groupOfNames under
 * {@code ou=groups} whose cn is a role name). Settings are read on every call so operations can repoint it without
 * a redeploy.
 */
@ApplicationScoped
public class LdapDirectory {

    private static final Logger LOG = Logger.getLogger(LdapDirectory.class.getName());
    /** Portal IDs: what the directory issues, and nothing that could reshape a DN or a filter. */
    public static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int PAGE_SIZE = 500;

    public boolean configured() {
        return CitySettings.ldapUrl().isPresent();
    }

    /**
     * An LDAP bind as the person: empty when the directory refuses the password (or the ID is not a
     * portal ID); the person with their roles when it accepts. The person's unit is the attribute's raw value
     * (a login needs only the ID, name and roles; the sync resolves units).
     */
    public Optional<DirectorySnapshot.Person> authenticate(String staffId, String password) {
        return authenticate(staffId, password, DirectoryMapping.current());
    }

    Optional<DirectorySnapshot.Person> authenticate(String staffId, String password, DirectoryMapping mapping) {
        // An empty password would be an anonymous bind, which LDAP servers accept: never let it through.
        if (staffId == null || !STAFF_ID.matcher(staffId).matches() || password == null || password.isEmpty()
                || password.length() > 256) {
            return Optional.empty();
        }
        try (LDAPConnection service = connect()) {
            List<SearchResultEntry> found = search(service, peopleDn(), peopleScope(mapping),
                    Filter.createANDFilter(Filter.createEqualityFilter(mapping.personId(), staffId),
                            Filter.createEqualityFilter("objectClass", mapping.personClass())),
                    mapping.personAttributes());
            if (found.size() != 1) {
                return Optional.empty(); // none, or an ID two entries claim: which password would count?
            }
            SearchResultEntry entry = found.get(0);
            try (LDAPConnection asPerson = open()) {
                BindResult bound = asPerson.bind(entry.getDN(), password);
                if (bound.getResultCode() != ResultCode.SUCCESS) {
                    return Optional.empty();
                }
            } catch (LDAPException refused) {
                if (refused.getResultCode() == ResultCode.INVALID_CREDENTIALS
                        || refused.getResultCode() == ResultCode.UNWILLING_TO_PERFORM) {
                    return Optional.empty();
                }
                throw refused;
            }
            Set<String> roles = mapping.rolesBy() == RoleSource.MEMBER_OF ? rolesFromMemberOf(service, entry, mapping)
                    : rolesFromGroups(service, entry.getDN(), mapping);
            return Optional.of(person(entry, roles, mapping, entry.getAttributeValue(mapping.personUnit()), Map.of()));
        } catch (LDAPException e) {
            throw new DirectoryUnavailableException("Staff directory error: " + e.getResultCode(), e);
        }
    }

    /** Every unit and person, with roles, in one read. */
    public DirectorySnapshot snapshot() {
        return snapshot(DirectoryMapping.current());
    }

    DirectorySnapshot snapshot(DirectoryMapping mapping) {
        try (LDAPConnection connection = connect()) {
            Map<DN, String> unitCodeByDn = new HashMap<>();
            List<DirectorySnapshot.Unit> units = units(connection, mapping, unitCodeByDn);
            Map<String, Set<String>> roles = new HashMap<>();
            if (mapping.rolesBy() == RoleSource.GROUPS) {
                for (SearchResultEntry group : groups(connection, mapping, null, mapping.groupMember())) {
                    Set<String> given = mapping.rolesOf(group.getAttributeValue(mapping.groupName()));
                    String[] members = group.getAttributeValues(mapping.groupMember());
                    if (!given.isEmpty() && members != null) {
                        for (String member : members) {
                            roles.computeIfAbsent(normalized(member), k -> new HashSet<>()).addAll(given);
                        }
                    }
                }
            }
            List<SearchResultEntry> entries = new ArrayList<>();
            Map<String, String> idByDn = new HashMap<>();
            for (SearchResultEntry entry : search(connection, peopleDn(), peopleScope(mapping),
                    Filter.createEqualityFilter("objectClass", mapping.personClass()), mapping.personAttributes())) {
                String uid = entry.getAttributeValue(mapping.personId());
                if (uid != null && STAFF_ID.matcher(uid).matches()) {
                    entries.add(entry);
                    idByDn.put(normalized(entry.getDN()), uid);
                }
            }
            UnitFinder finder = new UnitFinder(units, unitCodeByDn, mapping.personUnitBy());
            List<DirectorySnapshot.Person> people = new ArrayList<>();
            for (SearchResultEntry entry : entries) {
                Set<String> personRoles = mapping.rolesBy() == RoleSource.MEMBER_OF
                        ? rolesFromMemberOf(connection, entry, mapping)
                        : roles.getOrDefault(normalized(entry.getDN()), Set.of());
                people.add(person(entry, personRoles, mapping,
                        finder.codeOf(entry.getAttributeValue(mapping.personUnit()), entry.getDN()), idByDn));
            }
            return new DirectorySnapshot(units, people);
        } catch (LDAPException e) {
            throw new DirectoryUnavailableException("Staff directory error: " + e.getResultCode()
                    + " " + e.getDiagnosticMessage(), e);
        }
    }

    /**
     * The org chart's units. TREE: every unit entry below the org branch, its parent the unit entry its DN sits
     * under. FLAT: the parent attribute names the parent by code or DN. Depth (for units without a type word) is
     * counted from the org branch.
     */
    private static List<DirectorySnapshot.Unit> units(LDAPConnection connection, DirectoryMapping mapping,
                                                      Map<DN, String> codeByDn) throws LDAPException {
        DN orgDn = new DN(branch(CitySettings.ldapOrgBranch()));
        List<SearchResultEntry> entries = new ArrayList<>();
        for (SearchResultEntry entry : search(connection, orgDn.toString(), SearchScope.SUB,
                Filter.createEqualityFilter("objectClass", mapping.unitClass()), mapping.unitAttributes())) {
            DN dn = entry.getParsedDN();
            if (dn.equals(orgDn)) {
                continue; // the branch itself, not a unit
            }
            String code = firstNonBlank(entry.getAttributeValue(mapping.unitCode()), null);
            if (code == null) {
                code = dn.getRDN().getAttributeValues()[0]; // no code attribute: the entry's own RDN value
            }
            entries.add(entry);
            codeByDn.put(dn, code);
        }
        Map<String, String> parentByCode = new HashMap<>();
        for (SearchResultEntry entry : entries) {
            DN dn = entry.getParsedDN();
            String parent;
            if (mapping.flatParent().isPresent()) {
                parent = parentReference(entry.getAttributeValue(mapping.flatParent().get()), codeByDn);
            } else {
                parent = codeByDn.get(dn.getParent()); // null under the branch itself or a container that is no unit
            }
            parentByCode.putIfAbsent(codeByDn.get(dn), parent);
        }
        List<DirectorySnapshot.Unit> units = new ArrayList<>();
        for (SearchResultEntry entry : entries) {
            DN dn = entry.getParsedDN();
            String code = codeByDn.get(dn);
            int depth = mapping.flatParent().isPresent() ? chainDepth(code, parentByCode)
                    : dn.getRDNs().length - orgDn.getRDNs().length;
            units.add(new DirectorySnapshot.Unit(code, firstNonBlank(entry.getAttributeValue(mapping.unitName()), code),
                    mapping.kindOf(entry.getAttributeValue(mapping.unitType()), depth), parentByCode.get(code)));
        }
        return units;
    }

    /** A FLAT unit's parent attribute: a unit entry's DN, or a code as it stands. */
    private static String parentReference(String value, Map<DN, String> codeByDn) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.indexOf('=') > 0) {
            try {
                String code = codeByDn.get(new DN(value));
                if (code != null) {
                    return code;
                }
            } catch (LDAPException notADn) {
                // a code with an equals sign in it
            }
        }
        return value.strip();
    }

    /** 1 for a top unit, 2 for its children, ...; a cycle or a gap ends the count. */
    static int chainDepth(String code, Map<String, String> parentByCode) {
        Set<String> seen = new HashSet<>();
        String current = code;
        int depth = 0;
        while (current != null && seen.add(current)) {
            depth++;
            current = parentByCode.get(current);
        }
        return depth;
    }

    /**
     * Turns a person's unit attribute into a unit code: as it stands (CODE), by the unit's name (NAME: a name two
     * units share names neither, and the sync leaves the person without a unit rather than guess), or by the
     * unit entry's DN (DN).
     */
    static final class UnitFinder {
        private final UnitReference by;
        private final Map<String, String> codeByKey = new HashMap<>();
        private final Set<String> ambiguous = new HashSet<>();

        UnitFinder(List<DirectorySnapshot.Unit> units, Map<DN, String> codeByDn, UnitReference by) {
            this.by = by;
            if (by == UnitReference.DN) {
                codeByDn.forEach((dn, code) -> codeByKey.put(dn.toNormalizedString(), code));
            } else if (by == UnitReference.NAME) {
                for (DirectorySnapshot.Unit unit : units) {
                    String key = unit.name().strip().toLowerCase(Locale.ROOT);
                    if (codeByKey.putIfAbsent(key, unit.code()) != null && !codeByKey.get(key).equals(unit.code())) {
                        ambiguous.add(key);
                    }
                }
            }
        }

        String codeOf(String value, String personDn) {
            if (value == null || value.isBlank()) {
                return null;
            }
            return switch (by) {
                case CODE -> value;
                case NAME -> {
                    String key = value.strip().toLowerCase(Locale.ROOT);
                    if (ambiguous.contains(key)) {
                        LOG.warning(() -> personDn + ": unit name '" + value + "' belongs to several units; not placed");
                        yield null;
                    }
                    yield codeByKey.get(key);
                }
                case DN -> codeByKey.get(normalized(value));
            };
        }
    }

    /** Roles from the group entries (of the group class, under the groups branch) that list the person. */
    private static Set<String> rolesFromGroups(LDAPConnection connection, String personDn, DirectoryMapping mapping)
            throws LDAPException {
        Set<String> roles = new HashSet<>();
        for (SearchResultEntry group : groups(connection, mapping, personDn)) {
            roles.addAll(mapping.rolesOf(group.getAttributeValue(mapping.groupName())));
        }
        return roles;
    }

    /**
     * The role groups under the groups branch (those named like a role, or named in MVOTING_LDAP_ROLE_GROUPS), with
     * the given member only when {@code memberDn} is set.
     */
    private static List<SearchResultEntry> groups(LDAPConnection connection, DirectoryMapping mapping, String memberDn,
                                                  String... extraAttributes) throws LDAPException {
        List<Filter> names = new ArrayList<>();
        for (String name : mapping.groupNames()) {
            names.add(Filter.createEqualityFilter(mapping.groupName(), name));
        }
        List<Filter> all = new ArrayList<>(List.of(Filter.createEqualityFilter("objectClass", mapping.groupClass()),
                Filter.createORFilter(names)));
        if (memberDn != null) {
            all.add(Filter.createEqualityFilter(mapping.groupMember(), memberDn));
        }
        String[] attributes = new String[extraAttributes.length + 1];
        attributes[0] = mapping.groupName();
        System.arraycopy(extraAttributes, 0, attributes, 1, extraAttributes.length);
        return search(connection, groupsDn(), SearchScope.ONE, Filter.createANDFilter(all), attributes);
    }

    /**
     * Roles from the person's memberOf values: only groups anywhere below the groups branch count (whoever may create
     * a group elsewhere must not grant a role), named by the DN's first RDN when it is the group-name attribute, else read.
     */
    private static Set<String> rolesFromMemberOf(LDAPConnection connection, SearchResultEntry person,
                                                 DirectoryMapping mapping) throws LDAPException {
        String[] groups = person.getAttributeValues(mapping.memberOf());
        if (groups == null) {
            return Set.of();
        }
        DN branch = new DN(groupsDn());
        Set<String> roles = new HashSet<>();
        for (String value : groups) {
            DN group;
            try {
                group = new DN(value);
            } catch (LDAPException notADn) {
                continue;
            }
            if (!group.isDescendantOf(branch, false)) {
                continue;
            }
            String name = null;
            if (group.getRDN().hasAttribute(mapping.groupName())) {
                name = group.getRDN().getAttributeValues()[0];
            } else {
                SearchResultEntry entry = connection.getEntry(value, mapping.groupName());
                name = entry == null ? null : entry.getAttributeValue(mapping.groupName());
            }
            roles.addAll(mapping.rolesOf(name));
        }
        return roles;
    }

    /**
     * A person as the sync stores them; the manager is the ID of the person whose entry the manager DN names (or,
     * for a manager outside the people read, the DN's first RDN value, as the demo's uid=... DNs give).
     */
    private static DirectorySnapshot.Person person(SearchResultEntry entry, Set<String> roles, DirectoryMapping mapping,
                                                   String unitCode, Map<String, String> idByDn) {
        String manager = entry.getAttributeValue(mapping.personManager());
        String managerId = null;
        if (manager != null) {
            managerId = idByDn.get(normalized(manager));
            if (managerId == null) {
                try {
                    managerId = new DN(manager).getRDN().getAttributeValues()[0];
                } catch (LDAPException e) {
                    managerId = null; // a broken manager reference does not stop the person from being synced
                }
            }
        }
        String uid = entry.getAttributeValue(mapping.personId());
        return new DirectorySnapshot.Person(uid, firstNonBlank(entry.getAttributeValue(mapping.personName()), uid),
                entry.getAttributeValue(mapping.personTitle()), unitCode, managerId, roles);
    }

    private static SearchScope peopleScope(DirectoryMapping mapping) {
        return mapping.peopleScope() == SearchDepth.SUB ? SearchScope.SUB : SearchScope.ONE;
    }

    /** All entries of a search, a page at a time (directories cap unpaged results, often at 1,000). */
    private static List<SearchResultEntry> search(LDAPConnection connection, String base, SearchScope scope,
                                                  Filter filter, String... attributes) throws LDAPException {
        List<SearchResultEntry> entries = new ArrayList<>();
        SearchRequest request = new SearchRequest(base, scope, filter, attributes);
        com.unboundid.asn1.ASN1OctetString cookie = null;
        do {
            request.setControls(new SimplePagedResultsControl(PAGE_SIZE, cookie));
            SearchResult page = connection.search(request);
            entries.addAll(page.getSearchEntries());
            SimplePagedResultsControl response = SimplePagedResultsControl.get(page);
            cookie = response == null || !response.moreResultsToReturn() ? null : response.getCookie();
        } while (cookie != null);
        return entries;
    }

    private static String normalized(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.toLowerCase(Locale.ROOT);
        }
    }

    private static String firstNonBlank(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value.strip();
    }

    private static String baseDn() {
        return CitySettings.ldapBaseDn();
    }

    private static String branch(String rdn) {
        return rdn + "," + baseDn();
    }

    private static String peopleDn() {
        return branch(CitySettings.ldapPeopleBranch());
    }

    private static String groupsDn() {
        return branch(CitySettings.ldapGroupsBranch());
    }

    /** What a readiness probe found. */
    public enum Probe { ANSWERS, REFUSED, UNREACHABLE }

    /**
     * Whether the directory answers a bind as the service account within {@code timeoutMillis} (connecting and the
     * answer each): readiness asks this every few seconds, so it is one short connection, no search.
     */
    public Probe probe(int timeoutMillis) {
        try (LDAPConnection connection = connect(timeoutMillis, timeoutMillis)) {
            return connection.isConnected() ? Probe.ANSWERS : Probe.UNREACHABLE;
        } catch (LDAPException e) {
            return e.getResultCode() == ResultCode.INVALID_CREDENTIALS ? Probe.REFUSED : Probe.UNREACHABLE;
        }
    }

    /** A connection bound as the application's service account. */
    private LDAPConnection connect() throws LDAPException {
        return connect(CitySettings.ldapConnectTimeoutMillis(), CitySettings.ldapResponseTimeoutMillis());
    }

    private LDAPConnection connect(int connectTimeoutMillis, int responseTimeoutMillis) throws LDAPException {
        LDAPConnection connection = open(connectTimeoutMillis, responseTimeoutMillis);
        String bindDn = CitySettings.ldapBindDn().orElse(null);
        if (bindDn != null) {
            try {
                connection.bind(bindDn, CitySettings.ldapBindPassword());
            } catch (LDAPException e) {
                connection.close();
                throw e;
            }
        }
        return connection;
    }

    private static LDAPConnection open() throws LDAPException {
        return open(CitySettings.ldapConnectTimeoutMillis(), CitySettings.ldapResponseTimeoutMillis());
    }

    private static LDAPConnection open(int connectTimeoutMillis, int responseTimeoutMillis) throws LDAPException {
        String url = CitySettings.ldapUrl().orElse(null);
        if (url == null) {
            throw new LDAPException(ResultCode.CONNECT_ERROR, "MVOTING_LDAP_URL is not set");
        }
        LDAPURL parsed = new LDAPURL(url);
        LDAPConnectionOptions options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(connectTimeoutMillis);
        options.setResponseTimeoutMillis(responseTimeoutMillis);
        if ("ldaps".equalsIgnoreCase(parsed.getScheme())) {
            // the certificate must name the host we asked for (the SDK's default accepts any host)
            options.setSSLSocketVerifier(new com.unboundid.util.ssl.HostNameSSLSocketVerifier(false));
            try {
                // The JVM's trust store: the city's CA goes there, never "trust all".
                SSLUtil ssl = new SSLUtil(JVMDefaultTrustManager.getInstance());
                return new LDAPConnection(ssl.createSSLSocketFactory(), options, parsed.getHost(), parsed.getPort());
            } catch (GeneralSecurityException e) {
                throw new LDAPException(ResultCode.CONNECT_ERROR, "TLS setup failed", e);
            }
        }
        return new LDAPConnection(options, parsed.getHost(), parsed.getPort());
    }
}
