package org.mvoting.api.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class SettingTest {

    private static final Setting<String> EXAMPLE = Setting.text("MVOTING_EXAMPLE_NAME", "fallback");

    private static UnaryOperator<String> source(Map<String, String> values) {
        return values::get;
    }

    @Test
    void theSystemPropertyWinsOverTheEnvironmentWhichWinsOverTheDefault() {
        assertEquals("mvoting.example.name", EXAMPLE.property());
        UnaryOperator<String> env = source(Map.of("MVOTING_EXAMPLE_NAME", " from-env "));

        assertEquals("from-property", EXAMPLE.valueFrom(source(Map.of("mvoting.example.name", "from-property")), env));
        assertEquals("from-env", EXAMPLE.valueFrom(source(Map.of()), env));
        assertEquals("from-env", EXAMPLE.valueFrom(source(Map.of("mvoting.example.name", "  ")), env), "blank is unset");
        assertEquals("fallback", EXAMPLE.valueFrom(source(Map.of()), source(Map.of("MVOTING_EXAMPLE_NAME", ""))));
        assertNull(Setting.text("MVOTING_EXAMPLE_NAME", null).valueFrom(source(Map.of()), source(Map.of())));
    }

    @Test
    void aBadValueFailsNamingTheSettingAndItsProperty() {
        Setting<Integer> number = Setting.whole("MVOTING_EXAMPLE_COUNT", 3);
        assertEquals(3, number.valueFrom(source(Map.of()), source(Map.of())));
        assertEquals(7, number.valueFrom(source(Map.of()), source(Map.of("MVOTING_EXAMPLE_COUNT", "7"))));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> number.valueFrom(source(Map.of("mvoting.example.count", "many")), source(Map.of())));
        assertEquals("Setting MVOTING_EXAMPLE_COUNT (system property mvoting.example.count) must be a whole number,"
                + " not 'many'", e.getMessage());
    }

    @Test
    void aFlagIsTrueOrFalseAndNothingElse() {
        Setting<Boolean> flag = Setting.flag("MVOTING_EXAMPLE_FLAG", false);
        assertFalse(flag.valueFrom(source(Map.of()), source(Map.of())));
        assertTrue(flag.valueFrom(source(Map.of()), source(Map.of("MVOTING_EXAMPLE_FLAG", "TRUE"))));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> flag.valueFrom(source(Map.of()), source(Map.of("MVOTING_EXAMPLE_FLAG", "yes"))));
        assertTrue(e.getMessage().contains("MVOTING_EXAMPLE_FLAG") && e.getMessage().contains("true or false"), e.getMessage());
    }

    @Test
    void aBadTimeZoneIsReportedByNameAndListedAmongTheProblems() {
        String before = System.getProperty("mvoting.time.zone");
        try {
            System.setProperty("mvoting.time.zone", "Mars/Olympus_Mons");
            IllegalStateException e = assertThrows(IllegalStateException.class, CitySettings::timeZone);
            assertEquals("Setting MVOTING_TIME_ZONE (system property mvoting.time.zone) must be a time zone such as"
                    + " Asia/Seoul, not 'Mars/Olympus_Mons'", e.getMessage());
            assertEquals(List.of(e.getMessage()), CitySettings.problems());

            System.setProperty("mvoting.time.zone", "Europe/Berlin");
            assertEquals(ZoneId.of("Europe/Berlin"), CitySettings.timeZone());
        } finally {
            restore("mvoting.time.zone", before);
        }
    }

    @Test
    void theSecretPasswordsAndKeysAreWithheldByNameAndNothingElseIs() {
        Set<String> withheld = new HashSet<>();
        for (Setting<?> setting : CitySettings.all()) {
            if (setting.secret()) {
                withheld.add(setting.name());
            }
        }
        assertEquals(Set.of("MVOTING_SECRET", "MVOTING_SIGNING_KEYSTORE", "MVOTING_SIGNING_KEYSTORE_PASSWORD",
                "MVOTING_SIGNING_KEYSTORE_ALIAS", "MVOTING_SMS_GATEWAY_KEY", "MVOTING_PUSH_GATEWAY_KEY",
                "MVOTING_LDAP_BIND_PASSWORD", "MVOTING_MOBILE_OFFICE_PUBLIC_KEY", "MVOTING_MOBILE_OFFICE_PUBLIC_KEY_FILE",
                "MVOTING_METRICS_TOKEN", "MVOTING_MOBILE_OFFICE_NOTIFY_KEY", "MVOTING_VAPID_PUBLIC_KEY",
                "MVOTING_VAPID_PRIVATE_KEY"),
                withheld);
        assertTrue(Setting.text("MVOTING_NEW_API_KEY", null).secret(), "a setting added later is caught by its name");
        assertTrue(Setting.text("MVOTING_DB_PASSWORD", null).secret());
        assertTrue(Setting.text("MVOTING_SOME_GATEWAY_TOKEN", null).secret(), "bearer tokens too");
        assertFalse(Setting.text("MVOTING_SMS_ADAPTER", null).secret());
        assertFalse(Setting.text("MVOTING_SECRETARY", null).secret(), "the rule is not a substring search for SECRET");
    }

    @Test
    void theTextInForceIsTheRawTextNotTheParsedValue() {
        String before = System.getProperty("mvoting.mix.min.batch");
        Setting<?> batch = CitySettings.all().stream().filter(s -> s.name().equals("MVOTING_MIX_MIN_BATCH")).findFirst()
                .orElseThrow();
        try {
            System.setProperty("mvoting.mix.min.batch", " 9 ");
            assertEquals("9", batch.text());
            System.clearProperty("mvoting.mix.min.batch");
            assertEquals(System.getenv("MVOTING_MIX_MIN_BATCH") == null ? "5" : System.getenv("MVOTING_MIX_MIN_BATCH").strip(),
                    batch.text());
        } finally {
            restore("mvoting.mix.min.batch", before);
        }
    }

    @Test
    void everySettingHasItsOwnNameAndAReadableDefault() {
        Set<String> names = new HashSet<>();
        for (Setting<?> setting : CitySettings.ALL) {
            assertTrue(names.add(setting.name()), "declared twice: " + setting);
            setting.valueFrom(source(Map.of()), source(Map.of())); // the default parses
        }
        assertEquals(87, names.size());
        assertEquals(ZoneId.of("Asia/Seoul"), CitySettings.ALL.get(0).valueFrom(source(Map.of()), source(Map.of())));
    }

    @Test
    void theCertificateSubjectIdIsAnAttributeNameOrAnOidAndTheCrlSettingAListOfPaths() {
        assertEquals("SERIALNUMBER", CitySettings.subjectAttribute(" serialNumber "));
        assertEquals("2.5.4.5", CitySettings.subjectAttribute("2.5.4.5"));
        assertThrows(IllegalArgumentException.class, () -> CitySettings.subjectAttribute("CN=x"));
        assertThrows(IllegalArgumentException.class, () -> CitySettings.subjectAttribute("2.5."));
        assertEquals("SAN-OTHERNAME:1.3.6.1.4.1.311.20.2.3", CitySettings.subjectAttribute("san-otherName:1.3.6.1.4.1.311.20.2.3"));
        assertThrows(IllegalArgumentException.class, () -> CitySettings.subjectAttribute("SAN-OTHERNAME:upn"));
        String before = System.getProperty("mvoting.certificate.crl");
        try {
            System.setProperty("mvoting.certificate.crl", " /etc/crl/a.crl , ,/etc/crl/more ");
            assertEquals(List.of("/etc/crl/a.crl", "/etc/crl/more"), CitySettings.certificateCrl());
        } finally {
            restore("mvoting.certificate.crl", before);
        }
    }

    @Test
    void theStaffMailSessionIsANameInTheServersOwnJavaNamespaceOnly() {
        String before = System.getProperty("mvoting.staff.mail.session");
        try {
            assertEquals("java:jboss/mail/Default", CitySettings.staffMailSession());
            System.setProperty("mvoting.staff.mail.session", "java:jboss/mail/City");
            assertEquals("java:jboss/mail/City", CitySettings.staffMailSession());
            System.setProperty("mvoting.staff.mail.session", "ldap://evil.example/x");
            assertThrows(IllegalStateException.class, CitySettings::staffMailSession);
        } finally {
            restore("mvoting.staff.mail.session", before);
        }
    }

    @Test
    void vapidKeysAreBase64UrlP256KeysOfTheirLengthAndTheSubjectAMailtoOrHttpsAddress() {
        Setting<?> publicKey = CitySettings.ALL.stream().filter(s -> s.name().equals("MVOTING_VAPID_PUBLIC_KEY"))
                .findFirst().orElseThrow();
        Setting<?> privateKey = CitySettings.ALL.stream().filter(s -> s.name().equals("MVOTING_VAPID_PRIVATE_KEY"))
                .findFirst().orElseThrow();
        Setting<?> subject = CitySettings.ALL.stream().filter(s -> s.name().equals("MVOTING_VAPID_SUBJECT"))
                .findFirst().orElseThrow();
        String rfcPublic = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
        String rfcPrivate = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
        assertEquals(rfcPublic, publicKey.valueFrom(source(Map.of("mvoting.vapid.public.key", rfcPublic)), source(Map.of())));
        assertEquals(rfcPrivate, privateKey.valueFrom(source(Map.of("mvoting.vapid.private.key", rfcPrivate)), source(Map.of())));
        assertEquals("mailto:push@city.go.kr",
                subject.valueFrom(source(Map.of("mvoting.vapid.subject", "mailto:push@city.go.kr")), source(Map.of())));
        for (String bad : List.of(rfcPrivate, "A" + rfcPublic.substring(1), "not base64!")) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> publicKey.valueFrom(source(Map.of("mvoting.vapid.public.key", bad)), source(Map.of())));
            assertTrue(e.getMessage().contains("MVOTING_VAPID_PUBLIC_KEY"), e.getMessage());
        }
        assertThrows(IllegalStateException.class,
                () -> privateKey.valueFrom(source(Map.of("mvoting.vapid.private.key", rfcPublic)), source(Map.of())));
        for (String bad : List.of("push@city.go.kr", "http://city.go.kr", "mailto:")) {
            assertThrows(IllegalStateException.class,
                    () -> subject.valueFrom(source(Map.of("mvoting.vapid.subject", bad)), source(Map.of())), bad);
        }
    }

    @Test
    void thePushServicesAreHostNamesAndChromeFirefoxSafariAndEdgeByDefault() {
        assertEquals(List.of("fcm.googleapis.com", "push.services.mozilla.com", "web.push.apple.com", "notify.windows.com"),
                CitySettings.webPushServices());
        assertEquals(List.of("push.example.kr", "fcm.googleapis.com"), CitySettings.hostNames(" Push.Example.kr ,fcm.googleapis.com"));
        for (String bad : List.of("", "localhost", "fcm.googleapis.com,", "https://fcm.googleapis.com", "*.mozilla.com", "a b.kr")) {
            assertThrows(IllegalArgumentException.class, () -> CitySettings.hostNames(bad), bad);
        }
    }

    @Test
    void oneVapidKeyWithoutTheOtherIsAProblemAtDeployment() {
        String before = System.getProperty("mvoting.vapid.public.key");
        try {
            System.setProperty("mvoting.vapid.public.key",
                    "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8");
            assertTrue(CitySettings.problems().stream().anyMatch(p -> p.contains("MVOTING_VAPID_PRIVATE_KEY")),
                    CitySettings.problems().toString());
        } finally {
            restore("mvoting.vapid.public.key", before);
        }
        assertFalse(CitySettings.problems().stream().anyMatch(p -> p.contains("VAPID")));
    }

    @Test
    void theKeySetUrlMustBeAnHttpOrHttpsAddress() {
        Setting<?> url = CitySettings.ALL.stream().filter(s -> s.name().equals("MVOTING_MOBILE_OFFICE_JWKS_URL"))
                .findFirst().orElseThrow();
        assertEquals("https://idp.city.example/jwks", url.valueFrom(source(Map.of("mvoting.mobile.office.jwks.url",
                " https://idp.city.example/jwks ")), source(Map.of())));
        for (String bad : List.of("file:///etc/passwd", "idp.city.example/jwks", "ftp://idp.city.example/jwks", "https://")) {
            IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                    () -> url.valueFrom(source(Map.of("mvoting.mobile.office.jwks.url", bad)), source(Map.of())));
            assertTrue(e.getMessage().contains("MVOTING_MOBILE_OFFICE_JWKS_URL"), e.getMessage());
        }
    }

    @Test
    void theSmsAllowListIsKoreanMobileByDefaultAndRefusesAnythingButPrefixes() {
        assertEquals(List.of("+8210", "+8211", "+8216", "+8217", "+8218", "+8219"), CitySettings.smsAllowedPrefixes());
        assertEquals(List.of("+8210", "+1"), CitySettings.prefixes(" +8210 , +1"));
        for (String bad : List.of("", "82", "+0", "+8210,", "+82 10", "+12345678", "+8210;+1", "*")) {
            assertThrows(IllegalArgumentException.class, () -> CitySettings.prefixes(bad), bad);
        }
        String before = System.getProperty("mvoting.sms.daily.budget");
        try {
            System.setProperty("mvoting.sms.daily.budget", "0");
            IllegalStateException e = assertThrows(IllegalStateException.class, CitySettings::smsDailyBudget);
            assertTrue(e.getMessage().contains("MVOTING_SMS_DAILY_BUDGET"), e.getMessage());
            assertEquals(1, CitySettings.problems().size());
            System.setProperty("mvoting.sms.daily.budget", "5");
            assertEquals(5, CitySettings.smsDailyBudget());
        } finally {
            restore("mvoting.sms.daily.budget", before);
        }
    }

    @Test
    void theSignInSettingsRefuseZeroNegativeAndTooLongValues() {
        Setting<?> failures = named("MVOTING_STAFF_LOGIN_FAILURES");
        Setting<?> cache = named("MVOTING_STAFF_LOGIN_CACHE_SECONDS");
        Setting<?> months = named("MVOTING_NUMBER_REASSIGNED_AFTER_MONTHS");
        assertEquals(10, failures.valueFrom(source(Map.of()), source(Map.of())));
        assertEquals(60, cache.valueFrom(source(Map.of()), source(Map.of())));
        assertEquals(12, months.valueFrom(source(Map.of()), source(Map.of())));
        assertEquals(0, cache.valueFrom(source(Map.of("mvoting.staff.login.cache.seconds", "0")), source(Map.of())));
        for (String bad : new String[] {"0", "-1", "ten"}) {
            assertThrows(IllegalStateException.class, () -> failures.valueFrom(
                    source(Map.of("mvoting.staff.login.failures", bad)), source(Map.of())), bad);
            assertThrows(IllegalStateException.class, () -> months.valueFrom(
                    source(Map.of()), source(Map.of("MVOTING_NUMBER_REASSIGNED_AFTER_MONTHS", bad))), bad);
        }
        assertThrows(IllegalStateException.class, () -> cache.valueFrom(
                source(Map.of("mvoting.staff.login.cache.seconds", "601")), source(Map.of())));
        assertThrows(IllegalStateException.class, () -> cache.valueFrom(
                source(Map.of("mvoting.staff.login.cache.seconds", "-1")), source(Map.of())));
    }

    @Test
    void aBadDirectoryMappingIsRefusedByNameAndFlatUnitsNeedTheirParentAttribute() {
        Map<String, String> before = new java.util.HashMap<>();
        for (String property : List.of("mvoting.ldap.unit.name", "mvoting.ldap.person.unit.by", "mvoting.ldap.unit.types",
                "mvoting.ldap.role.groups", "mvoting.ldap.unit.layout", "mvoting.ldap.unit.parent")) {
            before.put(property, System.getProperty(property));
        }
        try {
            assertEquals(CitySettings.UnitLayout.TREE, CitySettings.ldapUnitLayout());
            assertEquals(CitySettings.UnitReference.CODE, CitySettings.ldapPersonUnitBy());
            assertEquals("description", CitySettings.ldapUnitName());
            assertEquals(Map.of(), CitySettings.ldapUnitTypes());
            assertEquals(Map.of(), CitySettings.ldapRoleGroups());

            System.setProperty("mvoting.ldap.unit.name", "ou)(uid=*");
            System.setProperty("mvoting.ldap.person.unit.by", "title");
            System.setProperty("mvoting.ldap.unit.types", "과=DEPARTMENT,팀=SQUAD");
            System.setProperty("mvoting.ldap.role.groups", "OPERATOR=ops,KING=crown");
            List<String> problems = CitySettings.problems();
            assertEquals(4, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains("MVOTING_LDAP_PERSON_UNIT_BY") && problems.get(0).contains("CODE, NAME, DN"),
                    problems.get(0));
            assertTrue(problems.get(1).contains("MVOTING_LDAP_ROLE_GROUPS"), problems.get(1));
            assertTrue(problems.get(2).contains("MVOTING_LDAP_UNIT_NAME") && problems.get(2).contains("ou)(uid=*"),
                    problems.get(2));
            assertTrue(problems.get(3).contains("MVOTING_LDAP_UNIT_TYPES"), problems.get(3));

            System.setProperty("mvoting.ldap.unit.name", "ou");
            System.setProperty("mvoting.ldap.person.unit.by", "name");
            System.setProperty("mvoting.ldap.unit.types", " 과 = department , Team=TEAM");
            System.setProperty("mvoting.ldap.role.groups", "operator=City Ops, ADMIN=city ops");
            System.setProperty("mvoting.ldap.unit.layout", "flat");
            assertEquals(List.of("Setting MVOTING_LDAP_UNIT_LAYOUT is FLAT: MVOTING_LDAP_UNIT_PARENT must name the"
                    + " attribute that holds each unit's parent (its code or its DN)"), CitySettings.problems());
            System.setProperty("mvoting.ldap.unit.parent", "parentCode");
            assertEquals(List.of(), CitySettings.problems());
            assertEquals(Map.of("과", "DEPARTMENT", "team", "TEAM"), CitySettings.ldapUnitTypes());
            assertEquals(Map.of("city ops", Set.of("OPERATOR", "ADMIN")), CitySettings.ldapRoleGroups());
            assertEquals(CitySettings.UnitReference.NAME, CitySettings.ldapPersonUnitBy());
            for (String bad : List.of("", "=TEAM", "팀=", "팀=TEAM,팀=TEAM", "팀=TEAM;과=DEPARTMENT")) {
                assertThrows(IllegalArgumentException.class, () -> CitySettings.unitTypes(bad), bad);
            }
            for (String bad : List.of("2ou", "o u", "ou*", "", "2.5.4.11", "ou;binary")) {
                assertThrows(IllegalArgumentException.class, () -> CitySettings.ldapName(bad), bad);
            }
            assertEquals("x-city-unitCode", CitySettings.ldapName("x-city-unitCode"));
        } finally {
            before.forEach(SettingTest::restore);
        }
    }

    private static Setting<?> named(String name) {
        return CitySettings.ALL.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aDemoSystemKeepsItsMessagesLocalUnlessAnAdapterIsNamed() {
        String demo = System.getProperty("mvoting.demo");
        String sms = System.getProperty("mvoting.sms.adapter");
        try {
            System.setProperty("mvoting.demo", "true");
            System.clearProperty("mvoting.sms.adapter");
            assertEquals("local", CitySettings.smsAdapter().orElseThrow());
            System.setProperty("mvoting.sms.adapter", "http");
            assertEquals("http", CitySettings.smsAdapter().orElseThrow());
        } finally {
            restore("mvoting.demo", demo);
            restore("mvoting.sms.adapter", sms);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }
}
