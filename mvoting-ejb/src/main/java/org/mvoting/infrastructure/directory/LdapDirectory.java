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
import java.util.regex.Pattern;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.api.staff.Roles;

/**
 * Reads the staff directory over LDAP. Layout (the city's directory and the demo LDIF share it):
 * units are nested organizationalUnits under {@code ou=org} (ou = code, description = name,
 * businessCategory = CITY/DIVISION/DEPARTMENT/TEAM); people are inetOrgPersons under {@code ou=people}
 * (uid = portal ID, departmentNumber = unit code, manager = DN); roles are groupOfNames under
 * {@code ou=groups} whose cn is a role name. Settings are read on every call so operations can repoint
 * it without a redeploy.
 */
@ApplicationScoped
public class LdapDirectory {

    /** Portal IDs: what the directory issues, and nothing that could reshape a DN or a filter. */
    public static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final int PAGE_SIZE = 500;

    public boolean configured() {
        return CitySettings.ldapUrl().isPresent();
    }

    /**
     * An LDAP bind as the person: empty when the directory refuses the password (or the ID is not a
     * portal ID); the person with their roles when it accepts.
     */
    public Optional<DirectorySnapshot.Person> authenticate(String staffId, String password) {
        // An empty password would be an anonymous bind, which LDAP servers accept: never let it through.
        if (staffId == null || !STAFF_ID.matcher(staffId).matches() || password == null || password.isEmpty()
                || password.length() > 256) {
            return Optional.empty();
        }
        try (LDAPConnection service = connect()) {
            SearchResultEntry entry = service.searchForEntry(peopleDn(), SearchScope.ONE,
                    Filter.createANDFilter(Filter.createEqualityFilter("uid", staffId),
                            Filter.createEqualityFilter("objectClass", "inetOrgPerson")),
                    "uid", "cn", "title", "departmentNumber", "manager");
            if (entry == null) {
                return Optional.empty();
            }
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
            Set<String> roles = rolesOf(service, entry.getDN());
            return Optional.of(person(entry, roles));
        } catch (LDAPException e) {
            throw new DirectoryUnavailableException("Staff directory error: " + e.getResultCode(), e);
        }
    }

    /** Every unit and person, with roles, in one read. */
    public DirectorySnapshot snapshot() {
        try (LDAPConnection connection = connect()) {
            String orgDn = branch(CitySettings.ldapOrgBranch());
            List<DirectorySnapshot.Unit> units = new ArrayList<>();
            for (SearchResultEntry entry : search(connection, orgDn, SearchScope.SUB,
                    Filter.createEqualityFilter("objectClass", "organizationalUnit"),
                    "ou", "description", "businessCategory")) {
                DN dn = entry.getParsedDN();
                if (dn.equals(new DN(orgDn))) {
                    continue; // the branch itself, not a unit
                }
                DN parent = dn.getParent();
                String parentCode = parent == null || parent.equals(new DN(orgDn)) ? null
                        : parent.getRDN().getAttributeValues()[0];
                int depth = dn.getRDNs().length - new DN(orgDn).getRDNs().length;
                String code = entry.getAttributeValue("ou");
                units.add(new DirectorySnapshot.Unit(code,
                        firstNonBlank(entry.getAttributeValue("description"), code),
                        kindOf(entry.getAttributeValue("businessCategory"), depth), parentCode));
            }
            Map<String, Set<String>> roles = new HashMap<>();
            for (String role : Roles.ALL) {
                SearchResultEntry group = connection.searchForEntry(groupsDn(), SearchScope.ONE,
                        Filter.createANDFilter(Filter.createEqualityFilter("cn", role),
                                Filter.createEqualityFilter("objectClass", "groupOfNames")), "member");
                if (group != null && group.getAttributeValues("member") != null) {
                    for (String member : group.getAttributeValues("member")) {
                        roles.computeIfAbsent(normalized(member), k -> new HashSet<>()).add(role);
                    }
                }
            }
            List<DirectorySnapshot.Person> people = new ArrayList<>();
            for (SearchResultEntry entry : search(connection, peopleDn(), SearchScope.ONE,
                    Filter.createEqualityFilter("objectClass", "inetOrgPerson"),
                    "uid", "cn", "title", "departmentNumber", "manager")) {
                String uid = entry.getAttributeValue("uid");
                if (uid != null && STAFF_ID.matcher(uid).matches()) {
                    people.add(person(entry, roles.getOrDefault(normalized(entry.getDN()), Set.of())));
                }
            }
            return new DirectorySnapshot(units, people);
        } catch (LDAPException e) {
            throw new DirectoryUnavailableException("Staff directory error: " + e.getResultCode()
                    + " " + e.getDiagnosticMessage(), e);
        }
    }

    private Set<String> rolesOf(LDAPConnection connection, String personDn) throws LDAPException {
        Set<String> roles = new HashSet<>();
        for (SearchResultEntry group : search(connection, groupsDn(), SearchScope.ONE,
                Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "groupOfNames"),
                        Filter.createEqualityFilter("member", personDn)), "cn")) {
            String cn = group.getAttributeValue("cn");
            if (cn != null && Roles.ALL.contains(cn.toUpperCase(Locale.ROOT))) {
                roles.add(cn.toUpperCase(Locale.ROOT));
            }
        }
        return roles;
    }

    private static DirectorySnapshot.Person person(SearchResultEntry entry, Set<String> roles) {
        String manager = entry.getAttributeValue("manager");
        String managerId = null;
        if (manager != null) {
            try {
                managerId = new DN(manager).getRDN().getAttributeValues()[0];
            } catch (LDAPException e) {
                managerId = null; // a broken manager reference does not stop the person from being synced
            }
        }
        String uid = entry.getAttributeValue("uid");
        return new DirectorySnapshot.Person(uid, firstNonBlank(entry.getAttributeValue("cn"), uid),
                entry.getAttributeValue("title"), entry.getAttributeValue("departmentNumber"), managerId, roles);
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

    private static String kindOf(String category, int depth) {
        if (category != null) {
            String upper = category.strip().toUpperCase(Locale.ROOT);
            if (List.of("CITY", "DIVISION", "DEPARTMENT", "TEAM").contains(upper)) {
                return upper;
            }
        }
        return switch (depth) {
            case 1 -> "CITY";
            case 2 -> "DIVISION";
            case 3 -> "DEPARTMENT";
            default -> "TEAM";
        };
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
