package org.mvoting.devserver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.DeleteRequest;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedRequest;
import com.unboundid.ldap.sdk.extensions.WhoAmIExtendedResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The staff directory over real LDAP: the demo organisation's conventions and the launcher's behaviour. */
class DirectoryServerTest {

    private static final String BASE = DirectoryServer.BASE_DN;
    private static final String ORG = "ou=org," + BASE;
    private static final String PEOPLE = "ou=people," + BASE;
    private static final String GROUPS = "ou=groups," + BASE;
    private static final String PASSWORD = "mvoting-demo";
    private static final Set<String> ROLES = Set.of("STAFF", "OPERATOR", "DEPT_HEAD", "EXECUTIVE", "MAYOR_OFFICE",
            "MODERATOR", "EVENT_OPERATOR", "AUDITOR", "FINANCE", "ADMIN");

    private static int port;

    @BeforeAll
    static void startDirectory() throws Exception {
        port = freePort();
        InMemoryDirectoryServer server = DirectoryServer.start(port, null);
        assertEquals(port, server.getListenPort());
    }

    @AfterAll
    static void stopDirectory() {
        DirectoryServer.stop();
    }

    @Test
    void staffBindWithTheDemoPasswordAndNotWithAnother() throws Exception {
        try (LDAPConnection c = connect()) {
            assertEquals(ResultCode.SUCCESS, c.bind(person("it.operator"), PASSWORD).getResultCode());
            LDAPException wrong = assertThrows(LDAPException.class, () -> c.bind(person("it.operator"), "not-the-password"));
            assertEquals(ResultCode.INVALID_CREDENTIALS, wrong.getResultCode());
        }
    }

    @Test
    void itOperatorIsInStaffAndOperator() throws Exception {
        try (LDAPConnection c = connect()) {
            assertEquals(Set.of("STAFF", "OPERATOR"), groupsOf(c, "it.operator"));
        }
    }

    @Test
    void itDepartmentSitsUnderTheAdministrationDivision() throws Exception {
        try (LDAPConnection c = connect()) {
            List<SearchResultEntry> found = c.search(ORG, SearchScope.SUB, Filter.createEqualityFilter("ou", "DEPT-IT"))
                    .getSearchEntries();
            assertEquals(1, found.size());
            Entry it = found.get(0);
            assertEquals(new DN("ou=DEPT-IT,ou=DIV-ADMIN,ou=CITY," + ORG), it.getParsedDN());
            assertEquals("DEPARTMENT", it.getAttributeValue("businessCategory"));
            assertEquals("정보통신과", it.getAttributeValue("description"));
            assertEquals("DIVISION", c.getEntry("ou=DIV-ADMIN,ou=CITY," + ORG).getAttributeValue("businessCategory"));
        }
    }

    @Test
    void everyPersonBelongsToAnExistingUnitAndHasAnExistingManager() throws Exception {
        try (LDAPConnection c = connect()) {
            Map<String, Entry> units = units(c);
            for (Entry p : people(c)) {
                String uid = p.getAttributeValue("uid");
                assertTrue(units.containsKey(p.getAttributeValue("departmentNumber")), uid + " has no existing unit");
                String manager = p.getAttributeValue("manager");
                if (uid.equals("mayor")) {
                    assertEquals(null, manager, "the mayor has no manager");
                } else {
                    assertNotNull(manager, uid + " has no manager");
                    assertNotNull(c.getEntry(manager), uid + "'s manager " + manager + " does not exist");
                }
                for (String attribute : List.of("cn", "sn", "displayName", "title", "employeeNumber", "mail")) {
                    assertNotNull(p.getAttributeValue(attribute), uid + " has no " + attribute);
                }
                assertEquals(p.getAttributeValue("cn"), p.getAttributeValue("displayName"));
                assertEquals(uid + "@city.go.kr", p.getAttributeValue("mail"));
            }
        }
    }

    @Test
    void unitsFollowTheOrgChart() throws Exception {
        Map<String, Set<String>> parents = Map.of("CITY", Set.of("org"), "DIVISION", Set.of("CITY"),
                "DEPARTMENT", Set.of("CITY", "DIVISION"), "TEAM", Set.of("DEPARTMENT"));
        try (LDAPConnection c = connect()) {
            Map<String, Entry> units = units(c);
            for (Entry unit : units.values()) {
                String category = unit.getAttributeValue("businessCategory");
                assertTrue(parents.containsKey(category), unit.getDN());
                assertNotNull(unit.getAttributeValue("description"), unit.getDN());
                Entry parent = c.getEntry(unit.getParentDNString());
                String parentCategory = parent.getAttributeValue("businessCategory");
                assertTrue(parents.get(category).contains(parentCategory == null ? parent.getAttributeValue("ou") : parentCategory),
                        unit.getDN() + " sits under a " + parentCategory);
            }
            assertEquals(1, units.values().stream().filter(u -> u.getAttributeValue("businessCategory").equals("CITY")).count());
            assertEquals(4, units.values().stream().filter(u -> u.getAttributeValue("businessCategory").equals("DIVISION")).count());
            assertEquals("CITY", parentCode(units.get("DEPT-MAYOR")));
            assertEquals("시장실", units.get("DEPT-MAYOR").getAttributeValue("description"));
            assertEquals("CITY", parentCode(units.get("DEPT-AUDIT")));
            assertEquals("감사담당관", units.get("DEPT-AUDIT").getAttributeValue("description"));
            assertEquals("DIV-ECON", parentCode(units.get("DEPT-ECON-JOBS")));
            assertEquals("일자리정책과", units.get("DEPT-ECON-JOBS").getAttributeValue("description"));
            assertEquals("DEPT-IT", parentCode(units.get("TEAM-IT-INFRA")));
        }
    }

    @Test
    void everyRoleGroupHasMembersThatExist() throws Exception {
        try (LDAPConnection c = connect()) {
            List<SearchResultEntry> groups = c.search(GROUPS, SearchScope.ONE, "(objectClass=groupOfNames)").getSearchEntries();
            assertEquals(ROLES, groups.stream().map(g -> g.getAttributeValue("cn")).collect(Collectors.toSet()));
            for (Entry group : groups) {
                String[] members = group.getAttributeValues("member");
                assertTrue(members != null && members.length > 0, group.getDN() + " has no member");
                for (String member : members) {
                    assertNotNull(c.getEntry(member), group.getDN() + ": " + member + " does not exist");
                }
            }
            Map<String, Integer> sizes = groups.stream().collect(Collectors.toMap(g -> g.getAttributeValue("cn"),
                    g -> g.getAttributeValues("member").length));
            assertEquals(people(c).size(), sizes.get("STAFF"), "everybody is STAFF");
            for (String role : List.of("MODERATOR", "EVENT_OPERATOR", "AUDITOR")) {
                assertTrue(sizes.get(role) >= 2, role);
            }
        }
    }

    @Test
    void everyDepartmentHasItsHeadInDeptHeadAndAnOperatorInOneOfItsTeams() throws Exception {
        try (LDAPConnection c = connect()) {
            Map<String, Entry> units = units(c);
            Set<String> heads = members(c, "DEPT_HEAD");
            Set<String> operators = members(c, "OPERATOR");
            Set<String> executives = members(c, "EXECUTIVE");
            Set<String> headed = new TreeSet<>();       // departments whose head is in DEPT_HEAD
            Set<String> operated = new TreeSet<>();     // departments with a 주무관 in one of their teams in OPERATOR
            for (Entry p : people(c)) {
                String uid = p.getAttributeValue("uid");
                Entry unit = units.get(p.getAttributeValue("departmentNumber"));
                String category = unit.getAttributeValue("businessCategory");
                if (heads.contains(dn(p))) {
                    assertEquals("DEPARTMENT", category, uid + " is a department head");
                    headed.add(unit.getAttributeValue("ou"));
                }
                if (executives.contains(dn(p)) && !uid.equals("mayor")) {
                    assertEquals("DIVISION", category, uid + " is an executive");
                }
                if (operators.contains(dn(p)) && "주무관".equals(p.getAttributeValue("title")) && category.equals("TEAM")) {
                    operated.add(parentCode(unit));
                }
            }
            Set<String> departments = units.values().stream()
                    .filter(u -> u.getAttributeValue("businessCategory").equals("DEPARTMENT"))
                    .map(u -> u.getAttributeValue("ou")).collect(Collectors.toCollection(TreeSet::new));
            assertTrue(departments.size() >= 10, departments.toString());
            assertEquals(departments, headed, "departments with their head in DEPT_HEAD");
            assertEquals(departments, operated, "departments with an OPERATOR in their teams");
        }
    }

    @Test
    void holdsAboutSixtyPeople() throws Exception {
        try (LDAPConnection c = connect()) {
            int people = people(c).size();
            assertTrue(people >= 50 && people <= 80, people + " people");
        }
    }

    @Test
    void serviceAccountBindsAndReadsPeople() throws Exception {
        try (LDAPConnection c = connect()) {
            c.bind(DirectoryServer.SERVICE_DN, "mvoting-sync");
            WhoAmIExtendedResult me = (WhoAmIExtendedResult) c.processExtendedOperation(new WhoAmIExtendedRequest());
            assertEquals("dn:" + DirectoryServer.SERVICE_DN, me.getAuthorizationID());
            List<SearchResultEntry> found = c.search(PEOPLE, SearchScope.ONE,
                    Filter.createANDFilter(Filter.createEqualityFilter("objectClass", "inetOrgPerson"),
                            Filter.createEqualityFilter("departmentNumber", "TEAM-IT-INFRA")),
                    "uid", "cn", "departmentNumber", "manager").getSearchEntries();
            assertTrue(found.stream().anyMatch(e -> e.getAttributeValue("uid").equals("it.operator")));
            assertTrue(c.search(PEOPLE, SearchScope.ONE, "(objectClass=inetOrgPerson)").getEntryCount() >= 50);
        }
    }

    static Stream<Arguments> demoAccounts() {
        return Stream.of(
                arguments("it.operator", "TEAM-IT-INFRA", "TEAM-IT-INFRA", "주무관", Set.of("STAFF", "OPERATOR")),
                arguments("it.head", "DEPT-IT", "DEPT-IT", "과장", Set.of("STAFF", "DEPT_HEAD")),
                arguments("admin.director", "DIV-ADMIN", "DIV-ADMIN", "국장", Set.of("STAFF", "EXECUTIVE")),
                arguments("it.staff1", "TEAM-IT-INFRA", "TEAM-IT-INFRA", "주무관", Set.of("STAFF")),
                arguments("it.staff2", null, "DEPT-IT", "주무관", Set.of("STAFF")),
                arguments("econ.staff1", null, "DEPT-ECON-JOBS", "주무관", Set.of("STAFF")),
                arguments("econ.operator", null, "DEPT-ECON-JOBS", "주무관", Set.of("STAFF", "OPERATOR")),
                arguments("econ.head", "DEPT-ECON-JOBS", "DEPT-ECON-JOBS", "과장", Set.of("STAFF", "DEPT_HEAD")),
                arguments("sys.admin", null, "DEPT-IT", "주무관", Set.of("STAFF", "ADMIN")),
                arguments("audit.kim", null, "DEPT-AUDIT", "주무관", Set.of("STAFF", "AUDITOR")),
                arguments("mod.park", null, "CITY", "주무관", Set.of("STAFF", "MODERATOR")),
                arguments("event.lee", null, "CITY", "주무관", Set.of("STAFF", "EVENT_OPERATOR")),
                arguments("mayor", "DEPT-MAYOR", "DEPT-MAYOR", "시장", Set.of("STAFF", "MAYOR_OFFICE", "EXECUTIVE")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoAccounts")
    void demoAccountsAreWhereTheReadmeSays(String uid, String unit, String within, String title, Set<String> groups)
            throws Exception {
        try (LDAPConnection c = connect()) {
            Entry p = c.getEntry(person(uid));
            assertNotNull(p, uid);
            String departmentNumber = p.getAttributeValue("departmentNumber");
            if (unit != null) {
                assertEquals(unit, departmentNumber, uid);
            }
            Map<String, Entry> units = units(c);
            assertTrue(units.get(departmentNumber).getParsedDN().isDescendantOf(units.get(within).getParsedDN(), true),
                    uid + " is in " + departmentNumber + ", not within " + within);
            assertEquals(title, p.getAttributeValue("title"), uid);
            assertEquals(groups, groupsOf(c, uid), uid);
            assertEquals(ResultCode.SUCCESS, c.bind(person(uid), PASSWORD).getResultCode());
        }
    }

    @Test
    void directoryManagerMayChangeEntriesWithinTheSchema() throws Exception {
        try (LDAPConnection c = connect()) {
            c.bind(DirectoryServer.MANAGER_DN, DirectoryServer.MANAGER_PASSWORD);
            String scratch = "ou=scratch," + BASE;
            c.add(new Entry(scratch, new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "scratch")));
            try {
                LDAPException undefined = assertThrows(LDAPException.class, () -> c.add(new Entry("ou=bad," + scratch,
                        new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "bad"),
                        new Attribute("favouriteColour", "blue"))));
                assertTrue(Set.of(ResultCode.UNDEFINED_ATTRIBUTE_TYPE, ResultCode.OBJECT_CLASS_VIOLATION)
                        .contains(undefined.getResultCode()), undefined.getMessage());
                LDAPException notAllowed = assertThrows(LDAPException.class, () -> c.add(new Entry("ou=bad," + scratch,
                        new Attribute("objectClass", "top", "organizationalUnit"), new Attribute("ou", "bad"),
                        new Attribute("mail", "bad@city.go.kr"))));
                assertEquals(ResultCode.OBJECT_CLASS_VIOLATION, notAllowed.getResultCode(), notAllowed.getMessage());
            } finally {
                c.delete(scratch);
            }
        }
    }

    @Test
    void startingAgainOnTheSamePortStartsAFreshDirectory() throws Exception {
        try (LDAPConnection c = connect()) {
            c.bind(DirectoryServer.MANAGER_DN, DirectoryServer.MANAGER_PASSWORD);
            c.modify(person("it.staff1"), new Modification(ModificationType.REPLACE, "title", "팀장"));
        }
        DirectoryServer.start(port, null);
        try (LDAPConnection c = connect()) {
            assertEquals("주무관", c.getEntry(person("it.staff1")).getAttributeValue("title"));
        }
    }

    @Test
    void refusesAPortAnotherServerHolds() throws Exception {
        try (ServerSocket other = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            IOException taken = assertThrows(IOException.class, () -> DirectoryServer.start(other.getLocalPort(), null));
            assertTrue(taken.getMessage().contains("is taken"), taken.getMessage());
        }
    }

    /**
     * exec:java runs main() with a class loader of its own and closes it once main() returns. The server must go
     * on serving requests of every kind (whose classes it had not loaded yet), and a second run on the same port
     * reloads the directory instead of failing. (That server runs on until this JVM exits.)
     */
    @Test
    void mainKeepsServingAfterExecJavaClosesItsClassLoaderAndASecondRunReloads() throws Exception {
        int execPort = freePort();
        runMainLikeExecJava(execPort);
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", execPort)) {
            c.bind(person("it.operator"), PASSWORD);
            assertTrue(c.compare(person("it.operator"), "departmentNumber", "TEAM-IT-INFRA").compareMatched());
            assertEquals(Set.of("STAFF", "OPERATOR"), groupsOf(c, "it.operator"));
            assertTrue(c.search(PEOPLE, SearchScope.ONE, "(&(cn=*)(|(title=주무관)(mail=*@city.go.kr))(!(uid=mayor)))")
                    .getEntryCount() >= 50);
            ExtendedResult whoAmI = c.processExtendedOperation(new WhoAmIExtendedRequest());
            assertEquals(ResultCode.SUCCESS, whoAmI.getResultCode());

            c.bind(DirectoryServer.MANAGER_DN, DirectoryServer.MANAGER_PASSWORD);
            c.modify(person("it.staff1"), new Modification(ModificationType.REPLACE, "title", "팀장"));
            c.modifyDN(person("it.staff2"), "uid=it.staff2b", true);
            DeleteRequest deleteTeam = new DeleteRequest("ou=TEAM-IT-SERVICE,ou=DEPT-IT,ou=DIV-ADMIN,ou=CITY," + ORG);
            deleteTeam.addControl(new SubtreeDeleteRequestControl());
            c.delete(deleteTeam);
        }

        runMainLikeExecJava(execPort);
        try (LDAPConnection c = new LDAPConnection("127.0.0.1", execPort)) {
            assertEquals("주무관", c.getEntry(person("it.staff1")).getAttributeValue("title"));
            assertNotNull(c.getEntry(person("it.staff2")));
            assertFalse(c.search(ORG, SearchScope.SUB, "(ou=TEAM-IT-SERVICE)").getSearchEntries().isEmpty());
        }
    }

    private static void runMainLikeExecJava(int port) throws Exception {
        URL[] classpath = {codeSource(DirectoryServer.class), codeSource(InMemoryDirectoryServer.class)};
        try (URLClassLoader exec = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            Class<?> launcher = Class.forName(DirectoryServer.class.getName(), true, exec);
            launcher.getMethod("main", String[].class).invoke(null, (Object) new String[] {String.valueOf(port)});
        }
    }

    private static URL codeSource(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    private static LDAPConnection connect() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port);
    }

    private static String person(String uid) {
        return "uid=" + uid + "," + PEOPLE;
    }

    private static String dn(Entry entry) throws LDAPException {
        return entry.getParsedDN().toNormalizedString();
    }

    private static List<Entry> people(LDAPConnection c) throws LDAPException {
        return List.copyOf(c.search(PEOPLE, SearchScope.ONE, "(objectClass=inetOrgPerson)").getSearchEntries());
    }

    /** The org units by code. */
    private static Map<String, Entry> units(LDAPConnection c) throws LDAPException {
        Map<String, Entry> units = new HashMap<>();
        for (Entry unit : c.search(ORG, SearchScope.SUB, "(&(objectClass=organizationalUnit)(businessCategory=*))")
                .getSearchEntries()) {
            assertEquals(null, units.put(unit.getAttributeValue("ou"), unit), "duplicate unit code " + unit.getDN());
        }
        return units;
    }

    private static String parentCode(Entry unit) throws LDAPException {
        return unit.getParentDN().getRDN().getAttributeValues()[0];
    }

    private static Set<String> groupsOf(LDAPConnection c, String uid) throws LDAPException {
        return c.search(GROUPS, SearchScope.ONE, Filter.createEqualityFilter("member", person(uid)), "cn")
                .getSearchEntries().stream().map(g -> g.getAttributeValue("cn")).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Normalized member DNs of a role group. */
    private static Set<String> members(LDAPConnection c, String role) throws LDAPException {
        Set<String> members = new TreeSet<>();
        for (String member : c.getEntry("cn=" + role + "," + GROUPS).getAttributeValues("member")) {
            members.add(new DN(member).toNormalizedString());
        }
        return members;
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return probe.getLocalPort();
        }
    }
}
