package org.mvoting.infrastructure.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.schema.Schema;
import com.unboundid.ldif.LDIFReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The directory mapping against a real LDAP server (UnboundID in memory, standard schema): the demo directory reads
 * exactly as it did before the mapping became configuration, and a directory shaped as an OpenLDAP city's often is
 * (unit names in ou, types in description, departmentNumber holding the unit's name, role groups of its own names)
 * reads right with its mapping.
 */
class LdapDirectoryTest {

    /** The LDIFs live beside the demo directory server in the EAR module's tests; one copy for every test. */
    private static final Path LDIFS = Path.of("..", "mvoting-ear", "src", "test", "resources", "directory");
    private static final String OPENLDAP_MAPPING = """
            mvoting.ldap.base.dn=dc=dasol,dc=go,dc=kr
            mvoting.ldap.org.branch=ou=Units
            mvoting.ldap.people.branch=ou=Users
            mvoting.ldap.groups.branch=ou=Groups
            mvoting.ldap.unit.code=businessCategory
            mvoting.ldap.unit.name=ou
            mvoting.ldap.unit.type=description
            mvoting.ldap.unit.types=실=DIVISION,국=DIVISION,과=DEPARTMENT,담당관=DEPARTMENT,팀=TEAM
            mvoting.ldap.person.unit.by=NAME
            mvoting.ldap.role.groups=OPERATOR=mvoting-operators,DEPT_HEAD=mvoting-heads,\
            EXECUTIVE=mvoting-executives,ADMIN=mvoting-admins
            """;

    private final Map<String, String> saved = new HashMap<>();
    private InMemoryDirectoryServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutDown(true);
        }
        saved.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void theDemoDirectoryReadsExactlyAsTheFixedLayoutDidWithTheDefaultMapping() throws Exception {
        Path ldif = LDIFS.resolve("demo-organisation.ldif");
        serve("dc=city,dc=go,dc=kr", true, ldif);
        DirectorySnapshot snapshot = new LdapDirectory().snapshot();

        // the layout the code used to fix, applied to the LDIF's entries by hand
        List<Entry> entries = entries(ldif);
        DN org = new DN("ou=org,dc=city,dc=go,dc=kr");
        Set<DirectorySnapshot.Unit> units = new HashSet<>();
        Map<String, Set<String>> roles = new HashMap<>();
        for (Entry e : entries) {
            DN dn = e.getParsedDN();
            if (e.hasObjectClass("organizationalUnit") && dn.isDescendantOf(org, false)) {
                String parent = dn.getParent().equals(org) ? null : dn.getParent().getRDN().getAttributeValues()[0];
                units.add(new DirectorySnapshot.Unit(e.getAttributeValue("ou"), e.getAttributeValue("description"),
                        e.getAttributeValue("businessCategory"), parent));
            }
            if (e.hasObjectClass("groupOfNames")) {
                for (String member : e.getAttributeValues("member")) {
                    roles.computeIfAbsent(new DN(member).toNormalizedString(), k -> new HashSet<>()).add(e.getAttributeValue("cn"));
                }
            }
        }
        Set<DirectorySnapshot.Person> people = new HashSet<>();
        for (Entry e : entries) {
            if (e.hasObjectClass("inetOrgPerson")) {
                people.add(new DirectorySnapshot.Person(e.getAttributeValue("uid"), e.getAttributeValue("cn"),
                        e.getAttributeValue("title"), e.getAttributeValue("departmentNumber"),
                        e.getAttributeValue("manager") == null ? null
                                : new DN(e.getAttributeValue("manager")).getRDN().getAttributeValues()[0],
                        roles.getOrDefault(e.getParsedDN().toNormalizedString(), Set.of())));
            }
        }
        assertTrue(units.size() > 30 && people.size() > 50, units.size() + " units, " + people.size() + " people");
        assertEquals(units, Set.copyOf(snapshot.units()));
        assertEquals(people, Set.copyOf(snapshot.people()));
        DirectorySnapshot.Person operator = byId(snapshot).get("it.operator");
        assertEquals("TEAM-IT-INFRA", operator.unitCode());
        assertTrue(operator.roles().contains("OPERATOR"), operator.toString());

        DirectorySnapshot.Person login = new LdapDirectory().authenticate("it.operator", "mvoting-demo").orElseThrow();
        assertEquals(operator.roles(), login.roles());
        assertTrue(new LdapDirectory().authenticate("it.operator", "wrong").isEmpty());
        assertTrue(new LdapDirectory().authenticate("it.operator", "").isEmpty(), "no anonymous bind");
    }

    @Test
    void anOpenLdapShapedDirectoryGivesTheRightChartPlacesAndRolesWithItsMapping() throws Exception {
        serve("dc=dasol,dc=go,dc=kr", true, LDIFS.resolve("openldap-city.ldif"));
        configure(OPENLDAP_MAPPING);
        DirectorySnapshot snapshot = new LdapDirectory().snapshot();

        Map<String, DirectorySnapshot.Unit> units = snapshot.units().stream()
                .collect(Collectors.toMap(DirectorySnapshot.Unit::code, Function.identity()));
        assertEquals(new DirectorySnapshot.Unit("5020000", "행정국", "DIVISION", null), units.get("5020000"));
        assertEquals(new DirectorySnapshot.Unit("5020100", "정보통신과", "DEPARTMENT", "5020000"), units.get("5020100"));
        assertEquals(new DirectorySnapshot.Unit("5020110", "정보인프라팀", "TEAM", "5020100"), units.get("5020110"));
        assertEquals(new DirectorySnapshot.Unit("5010000", "기획조정실", "DIVISION", null), units.get("5010000"));
        // English words: a kind's own name in any case
        assertEquals(new DirectorySnapshot.Unit("5010100", "예산담당관", "DEPARTMENT", "5010000"), units.get("5010100"));
        assertEquals(new DirectorySnapshot.Unit("5010110", "예산팀", "TEAM", "5010100"), units.get("5010110"));
        assertEquals(9, units.size());

        Map<String, DirectorySnapshot.Person> people = byId(snapshot);
        assertEquals(new DirectorySnapshot.Person("ds.operator", "박솔", "주무관", "5020100", "ds.head", Set.of("OPERATOR")),
                people.get("ds.operator"));
        assertEquals("5020110", people.get("ds.infra").unitCode());
        assertEquals(Set.of(), people.get("ds.infra").roles(), "a group named ADMIN gives nothing once groups are mapped");
        assertNull(people.get("ds.clerk").unitCode(), "총무팀 names two units: the person is not placed by a guess");
        assertEquals(Set.of("DEPT_HEAD"), people.get("ds.head").roles());
        assertEquals(Set.of("ADMIN"), people.get("sys.admin").roles());
        assertEquals("5010100", people.get("ds.budget").unitCode());
        assertNull(people.get("ds.director").managerId());

        DirectorySnapshot.Person login = new LdapDirectory().authenticate("ds.operator", "mvoting-demo").orElseThrow();
        assertEquals(Set.of("OPERATOR"), login.roles());
        assertEquals(Set.of(), new LdapDirectory().authenticate("ds.infra", "mvoting-demo").orElseThrow().roles());
        assertTrue(new LdapDirectory().authenticate("ds.operator", "mvoting-sync").isEmpty());
    }

    @Test
    void theSameDirectoryReadWithTheDefaultsGoesWrongTheWayTheIssueSaw() throws Exception {
        serve("dc=dasol,dc=go,dc=kr", true, LDIFS.resolve("openldap-city.ldif"));
        configure("""
                mvoting.ldap.base.dn=dc=dasol,dc=go,dc=kr
                mvoting.ldap.org.branch=ou=Units
                mvoting.ldap.people.branch=ou=Users
                mvoting.ldap.groups.branch=ou=Groups
                """);
        DirectorySnapshot snapshot = new LdapDirectory().snapshot();
        DirectorySnapshot.Unit it = snapshot.units().stream().filter(u -> u.code().equals("정보통신과")).findFirst()
                .orElseThrow();
        assertEquals("과", it.name(), "the name taken from description");
        assertEquals("DIVISION", it.kind(), "typed by depth");
        assertEquals("정보통신과", byId(snapshot).get("ds.operator").unitCode());
        assertTrue(snapshot.units().stream().noneMatch(u -> u.kind().equals("DEPARTMENT") && u.code().equals("정보통신과")),
                "no department the operator could author for");
    }

    @Test
    void rolesFromMemberOfCountOnlyGroupsBelowTheGroupsBranch() throws Exception {
        serve("dc=dasol,dc=go,dc=kr", false, LDIFS.resolve("openldap-city.ldif"));
        configure(OPENLDAP_MAPPING + "mvoting.ldap.roles.by=member_of\n");
        String operator = "uid=ds.operator,ou=Users,dc=dasol,dc=go,dc=kr";
        server.modify(operator, new Modification(ModificationType.ADD, "memberOf",
                "cn=mvoting-operators,ou=Groups,dc=dasol,dc=go,dc=kr",
                "cn=mvoting-admins,ou=Elsewhere,dc=dasol,dc=go,dc=kr", "not a DN"));
        server.modify("uid=ds.infra,ou=Users,dc=dasol,dc=go,dc=kr", new Modification(ModificationType.ADD, "memberOf",
                "cn=mvoting-heads,ou=Groups,dc=dasol,dc=go,dc=kr"));

        DirectorySnapshot snapshot = new LdapDirectory().snapshot();
        assertEquals(Set.of("OPERATOR"), byId(snapshot).get("ds.operator").roles());
        assertEquals(Set.of("DEPT_HEAD"), byId(snapshot).get("ds.infra").roles(), "memberOf, not the group's members");
        assertEquals(Set.of(), byId(snapshot).get("ds.head").roles(), "a member listed by the group alone does not count");
        assertEquals(Set.of("OPERATOR"),
                new LdapDirectory().authenticate("ds.operator", "mvoting-demo").orElseThrow().roles());
    }

    @Test
    void flatUnitsNameTheirParentByCodeOrDnAndPeopleTheirUnitByDn() throws Exception {
        serve("dc=flat,dc=kr", false, null);
        String units = "ou=Units,dc=flat,dc=kr";
        add("dn: dc=flat,dc=kr", "objectClass: domain", "dc: flat");
        add("dn: " + units, "objectClass: organizationalUnit", "ou: Units");
        add("dn: ou=People,dc=flat,dc=kr", "objectClass: organizationalUnit", "ou: People");
        add("dn: ou=Groups,dc=flat,dc=kr", "objectClass: organizationalUnit", "ou: Groups");
        add("dn: ou=CITY," + units, "objectClass: organizationalUnit", "ou: CITY", "description: 시청");
        add("dn: ou=D1," + units, "objectClass: organizationalUnit", "ou: D1", "description: 행정국",
                "parentUnit: CITY");
        add("dn: ou=P1," + units, "objectClass: organizationalUnit", "ou: P1", "description: 정보통신과",
                "parentUnit: ou=D1," + units);
        add("dn: ou=T1," + units, "objectClass: organizationalUnit", "ou: T1", "description: 인프라팀",
                "parentUnit: P1");
        add("dn: uid=flat.one,ou=People,dc=flat,dc=kr", "objectClass: inetOrgPerson", "uid: flat.one", "cn: 하나",
                "sn: 하", "departmentNumber: ou=t1," + units.toLowerCase(), "userPassword: pw-flat");
        add("dn: cn=OPERATOR,ou=Groups,dc=flat,dc=kr", "objectClass: groupOfNames", "cn: OPERATOR",
                "member: uid=flat.one,ou=People,dc=flat,dc=kr");
        configure("""
                mvoting.ldap.base.dn=dc=flat,dc=kr
                mvoting.ldap.org.branch=ou=Units
                mvoting.ldap.people.branch=ou=People
                mvoting.ldap.groups.branch=ou=Groups
                mvoting.ldap.unit.layout=flat
                mvoting.ldap.unit.parent=parentUnit
                mvoting.ldap.person.unit.by=DN
                """);
        DirectorySnapshot snapshot = new LdapDirectory().snapshot();
        assertEquals(Set.of(new DirectorySnapshot.Unit("CITY", "시청", "CITY", null),
                new DirectorySnapshot.Unit("D1", "행정국", "DIVISION", "CITY"),
                new DirectorySnapshot.Unit("P1", "정보통신과", "DEPARTMENT", "D1"),
                new DirectorySnapshot.Unit("T1", "인프라팀", "TEAM", "P1")), Set.copyOf(snapshot.units()),
                "a flat list typed by the depth its parents give");
        assertEquals(new DirectorySnapshot.Person("flat.one", "하나", null, "T1", null, Set.of("OPERATOR")),
                byId(snapshot).get("flat.one"));
        assertEquals(Set.of("OPERATOR"), new LdapDirectory().authenticate("flat.one", "pw-flat").orElseThrow().roles());
    }

    @Test
    void peopleBelowTheirBranchAreFoundOnlyWithASubtreeScope() throws Exception {
        serve("dc=dasol,dc=go,dc=kr", true, LDIFS.resolve("openldap-city.ldif"));
        configure(OPENLDAP_MAPPING.replace("mvoting.ldap.people.branch=ou=Users", "mvoting.ldap.people.branch=ou=Staff"));
        add("dn: ou=Staff,dc=dasol,dc=go,dc=kr", "objectClass: organizationalUnit", "ou: Staff");
        add("dn: ou=Bureau,ou=Staff,dc=dasol,dc=go,dc=kr", "objectClass: organizationalUnit", "ou: Bureau");
        add("dn: uid=deep.one,ou=Bureau,ou=Staff,dc=dasol,dc=go,dc=kr", "objectClass: inetOrgPerson", "uid: deep.one",
                "cn: 깊은", "sn: 깊", "departmentNumber: 예산팀", "userPassword: pw-deep");
        assertTrue(new LdapDirectory().authenticate("deep.one", "pw-deep").isEmpty(), "ONE: children of the branch only");

        System.setProperty("mvoting.ldap.people.scope", "SUB");
        assertEquals("5010110", byId(new LdapDirectory().snapshot()).get("deep.one").unitCode());
        assertTrue(new LdapDirectory().authenticate("deep.one", "pw-deep").isPresent());
    }

    @Test
    void unitTypeWordsMapToKindsAndUnknownWordsFallBackToDepth() {
        DirectoryMapping mapping = mapping(Map.of("과", "DEPARTMENT", "bureau", "DIVISION"), Map.of());
        assertEquals("DEPARTMENT", mapping.kindOf(" 과 ", 1));
        assertEquals("DIVISION", mapping.kindOf("Bureau", 4));
        assertEquals("TEAM", mapping.kindOf("team", 1));
        assertEquals("DEPARTMENT", mapping.kindOf("사업소", 3), "an unknown word: by depth");
        assertEquals("CITY", mapping.kindOf(null, 1));
        assertEquals(Set.of("OPERATOR"), mapping.rolesOf("operator"));
        assertEquals(Set.of(), mapping.rolesOf("everyone"));
        DirectoryMapping mapped = mapping(Map.of(), Map.of("city-admins", Set.of("ADMIN", "AUDITOR")));
        assertEquals(Set.of("ADMIN", "AUDITOR"), mapped.rolesOf("City-Admins"));
        assertEquals(Set.of(), mapped.rolesOf("ADMIN"), "only the groups the mapping names");
    }

    private static DirectoryMapping mapping(Map<String, String> types, Map<String, Set<String>> groups) {
        DirectoryMapping defaults = DirectoryMapping.current();
        return new DirectoryMapping(defaults.personClass(), defaults.personId(), defaults.personName(),
                defaults.personTitle(), defaults.personUnit(), defaults.personUnitBy(), defaults.personManager(),
                defaults.peopleScope(), defaults.rolesBy(), defaults.groupClass(), defaults.groupName(),
                defaults.groupMember(), defaults.memberOf(), groups, defaults.unitClass(), defaults.unitCode(),
                defaults.unitName(), defaults.unitType(), types, defaults.unitLayout(), defaults.unitParent());
    }

    private static Map<String, DirectorySnapshot.Person> byId(DirectorySnapshot snapshot) {
        return snapshot.people().stream().collect(Collectors.toMap(DirectorySnapshot.Person::staffId, Function.identity()));
    }

    /** Serves the LDIF (null: nothing yet) on a free port and points the settings at it, anonymous reads. */
    private void serve(String baseDn, boolean schemaChecked, Path ldif) throws LDAPException, IOException {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(baseDn);
        // without schema checking for attributes OpenLDAP overlays and local schemas add (memberOf, a parent code)
        config.setSchema(schemaChecked ? Schema.getDefaultStandardSchema() : null);
        server = new InMemoryDirectoryServer(config);
        if (ldif != null) {
            try (LDIFReader reader = new LDIFReader(ldif.toFile())) {
                server.importFromLDIF(true, reader);
            }
        }
        server.startListening();
        set("mvoting.ldap.url", "ldap://127.0.0.1:" + server.getListenPort());
        set("mvoting.ldap.bind.dn", null);
    }

    private void configure(String properties) {
        for (String line : properties.strip().split("\n")) {
            int equals = line.indexOf('=');
            set(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
        }
    }

    private void set(String name, String value) {
        if (!saved.containsKey(name)) {
            saved.put(name, System.getProperty(name));
        }
        if (value == null) {
            System.clearProperty(name);
        } else {
            System.setProperty(name, value);
        }
    }

    private void add(String... ldifLines) throws Exception {
        server.add(ldifLines);
    }

    private static List<Entry> entries(Path ldif) throws IOException, com.unboundid.ldif.LDIFException {
        assertTrue(Files.exists(ldif), ldif.toAbsolutePath().toString());
        List<Entry> entries = new ArrayList<>();
        try (LDIFReader reader = new LDIFReader(ldif.toFile())) {
            for (Entry e = reader.readEntry(); e != null; e = reader.readEntry()) {
                entries.add(e);
            }
        }
        return entries;
    }
}
