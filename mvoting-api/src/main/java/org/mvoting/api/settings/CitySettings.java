package org.mvoting.api.settings;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.mvoting.api.staff.Roles;

/**
 * Every setting of mVoting, each named and defaulted here once, with a typed reader. Values are read on every call
 * (see {@link Setting}), so a system property changed in the running server takes effect at the next use; code
 * that keeps a value (a timer's interval) says so. A bad value fails with a message naming the setting; the EJB
 * tier checks them all at deployment ({@link #problems()}).
 */
public final class CitySettings {

    // declared before the settings that name them in their messages
    /** The org chart's levels a directory unit can be (the org chart's own kinds), top first. */
    public static final List<String> UNIT_KINDS = List.of("CITY", "DIVISION", "DEPARTMENT", "TEAM");

    /** LDAP attribute and object-class names (RFC 4512 descriptors); nothing that could reshape a filter. */
    private static final Pattern LDAP_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9-]{0,63}");

    // The city
    private static final Setting<ZoneId> TIME_ZONE = Setting.of("MVOTING_TIME_ZONE", "Asia/Seoul",
            "a time zone such as Asia/Seoul", CitySettings::zone);
    private static final Setting<String> PUBLIC_URL = Setting.text("MVOTING_PUBLIC_URL", null);
    private static final Setting<Boolean> DEMO = Setting.flag("MVOTING_DEMO", false);
    private static final Setting<String> SECRET = Setting.text("MVOTING_SECRET", null);
    private static final Setting<String> SIGNING_KEYSTORE = Setting.text("MVOTING_SIGNING_KEYSTORE", null);
    private static final Setting<String> SIGNING_KEYSTORE_PASSWORD = Setting.text("MVOTING_SIGNING_KEYSTORE_PASSWORD", "");
    private static final Setting<String> SIGNING_KEYSTORE_ALIAS = Setting.text("MVOTING_SIGNING_KEYSTORE_ALIAS", null);

    // Citizens and ballots
    private static final Setting<Integer> TOKEN_TTL_MINUTES = Setting.whole("MVOTING_TOKEN_TTL_MINUTES", 720);
    private static final Setting<Integer> DEVICE_BALLOTS_PER_ADDRESS_PER_HOUR =
            Setting.whole("MVOTING_DEVICE_BALLOTS_PER_ADDRESS_PER_HOUR", 600);
    private static final Setting<Integer> POLL_PASSWORD_GUESSES = Setting.whole("MVOTING_POLL_PASSWORD_GUESSES", 5);
    private static final Setting<Integer> MIX_MIN_BATCH = Setting.whole("MVOTING_MIX_MIN_BATCH", 5);
    private static final Setting<Integer> CITIZEN_POLLS_PER_DAY = Setting.whole("MVOTING_CITIZEN_POLLS_PER_DAY", 5);
    private static final Setting<Integer> CITIZEN_INVITATIONS_PER_DAY =
            Setting.whole("MVOTING_CITIZEN_INVITATIONS_PER_DAY", 50);
    private static final Setting<Integer> REPORTS_TO_HIDE = Setting.whole("MVOTING_REPORTS_TO_HIDE", 3);
    private static final Setting<Integer> EVENT_PASS_HOURS = Setting.whole("MVOTING_EVENT_PASS_HOURS", 12);

    // SMS and push
    private static final Setting<String> SMS_ADAPTER = Setting.text("MVOTING_SMS_ADAPTER", null);
    private static final Setting<String> SMS_GATEWAY_URL = Setting.text("MVOTING_SMS_GATEWAY_URL", null);
    private static final Setting<String> SMS_GATEWAY_KEY = Setting.text("MVOTING_SMS_GATEWAY_KEY", null);
    private static final Setting<String> SMS_SENDER = Setting.text("MVOTING_SMS_SENDER", "02-120");
    private static final Setting<Integer> SMS_CAMPAIGN_PER_NUMBER_PER_DAY =
            Setting.whole("MVOTING_SMS_CAMPAIGN_PER_NUMBER_PER_DAY", 3);
    private static final Setting<Integer> SMS_CODES_PER_ADDRESS_PER_HOUR =
            Setting.of("MVOTING_SMS_CODES_PER_ADDRESS_PER_HOUR", "100", "a whole number of 1 or more", CitySettings::positive);
    private static final Setting<Integer> SMS_DAILY_BUDGET =
            Setting.of("MVOTING_SMS_DAILY_BUDGET", "20000", "a whole number of 1 or more", CitySettings::positive);
    private static final Setting<List<String>> SMS_ALLOWED_PREFIXES = Setting.of("MVOTING_SMS_ALLOWED_PREFIXES",
            "+8210,+8211,+8216,+8217,+8218,+8219", "E.164 prefixes separated by commas, such as +8210,+8211",
            CitySettings::prefixes);
    private static final Setting<String> PUSH_ADAPTER = Setting.text("MVOTING_PUSH_ADAPTER", null);
    private static final Setting<String> PUSH_GATEWAY_URL = Setting.text("MVOTING_PUSH_GATEWAY_URL", null);
    private static final Setting<String> PUSH_GATEWAY_KEY = Setting.text("MVOTING_PUSH_GATEWAY_KEY", null);
    // Web Push (browsers' push services) signed with the city's VAPID key pair (RFC 8292)
    private static final Setting<String> VAPID_PUBLIC_KEY = Setting.of("MVOTING_VAPID_PUBLIC_KEY", null,
            "a P-256 public key: 65 bytes (0x04, X, Y) in base64url", text -> base64UrlKey(text, 65));
    private static final Setting<String> VAPID_PRIVATE_KEY = Setting.of("MVOTING_VAPID_PRIVATE_KEY", null,
            "a P-256 private key: 32 bytes in base64url", text -> base64UrlKey(text, 32));
    private static final Setting<List<String>> WEB_PUSH_SERVICES = Setting.of("MVOTING_WEB_PUSH_SERVICES",
            "fcm.googleapis.com,push.services.mozilla.com,web.push.apple.com,notify.windows.com",
            "host names separated by commas, such as fcm.googleapis.com,web.push.apple.com", CitySettings::hostNames);
    private static final Setting<String> VAPID_SUBJECT = Setting.of("MVOTING_VAPID_SUBJECT", null,
            "a mailto: or https: address of the city", CitySettings::vapidSubject);

    // The mobile office's notification channel (staff told when a staff poll opens)
    private static final Setting<String> MOBILE_OFFICE_NOTIFY_URL = Setting.text("MVOTING_MOBILE_OFFICE_NOTIFY_URL", null);
    private static final Setting<String> MOBILE_OFFICE_NOTIFY_KEY = Setting.text("MVOTING_MOBILE_OFFICE_NOTIFY_KEY", null);
    // ... and optionally by e-mail through WildFly's mail session
    private static final Setting<Boolean> STAFF_MAIL = Setting.flag("MVOTING_STAFF_MAIL", false);
    private static final Setting<String> STAFF_MAIL_SESSION = Setting.of("MVOTING_STAFF_MAIL_SESSION", "java:jboss/mail/Default",
            "a JNDI name in the server's own java: namespace", CitySettings::javaNamespaceName);
    private static final Setting<String> STAFF_MAIL_DOMAIN = Setting.text("MVOTING_STAFF_MAIL_DOMAIN", null);
    private static final Setting<String> SMTP_HOST = Setting.text("MVOTING_SMTP_HOST", null);

    // The staff directory (LDAP)
    private static final Setting<String> LDAP_URL = Setting.text("MVOTING_LDAP_URL", null);
    private static final Setting<String> LDAP_BASE_DN = Setting.text("MVOTING_LDAP_BASE_DN", "dc=city,dc=go,dc=kr");
    private static final Setting<String> LDAP_ORG_BRANCH = Setting.text("MVOTING_LDAP_ORG_BRANCH", "ou=org");
    private static final Setting<String> LDAP_PEOPLE_BRANCH = Setting.text("MVOTING_LDAP_PEOPLE_BRANCH", "ou=people");
    private static final Setting<String> LDAP_GROUPS_BRANCH = Setting.text("MVOTING_LDAP_GROUPS_BRANCH", "ou=groups");
    private static final Setting<String> LDAP_BIND_DN = Setting.text("MVOTING_LDAP_BIND_DN", null);
    private static final Setting<String> LDAP_BIND_PASSWORD = Setting.text("MVOTING_LDAP_BIND_PASSWORD", "");
    private static final Setting<Integer> LDAP_CONNECT_TIMEOUT_MS = Setting.whole("MVOTING_LDAP_CONNECT_TIMEOUT_MS", 5_000);
    private static final Setting<Integer> LDAP_RESPONSE_TIMEOUT_MS =
            Setting.whole("MVOTING_LDAP_RESPONSE_TIMEOUT_MS", 15_000);
    // How the directory's entries map to people, units and roles (issue 18 part 5): defaults read the demo layout
    private static final Setting<String> LDAP_PERSON_CLASS = attribute("MVOTING_LDAP_PERSON_CLASS", "inetOrgPerson");
    private static final Setting<String> LDAP_PERSON_ID = attribute("MVOTING_LDAP_PERSON_ID", "uid");
    private static final Setting<String> LDAP_PERSON_NAME = attribute("MVOTING_LDAP_PERSON_NAME", "cn");
    private static final Setting<String> LDAP_PERSON_TITLE = attribute("MVOTING_LDAP_PERSON_TITLE", "title");
    private static final Setting<String> LDAP_PERSON_UNIT = attribute("MVOTING_LDAP_PERSON_UNIT", "departmentNumber");
    private static final Setting<UnitReference> LDAP_PERSON_UNIT_BY =
            choice("MVOTING_LDAP_PERSON_UNIT_BY", UnitReference.CODE);
    private static final Setting<String> LDAP_PERSON_MANAGER = attribute("MVOTING_LDAP_PERSON_MANAGER", "manager");
    private static final Setting<SearchDepth> LDAP_PEOPLE_SCOPE = choice("MVOTING_LDAP_PEOPLE_SCOPE", SearchDepth.ONE);
    private static final Setting<RoleSource> LDAP_ROLES_BY = choice("MVOTING_LDAP_ROLES_BY", RoleSource.GROUPS);
    private static final Setting<String> LDAP_GROUP_CLASS = attribute("MVOTING_LDAP_GROUP_CLASS", "groupOfNames");
    private static final Setting<String> LDAP_GROUP_NAME = attribute("MVOTING_LDAP_GROUP_NAME", "cn");
    private static final Setting<String> LDAP_GROUP_MEMBER = attribute("MVOTING_LDAP_GROUP_MEMBER", "member");
    private static final Setting<String> LDAP_MEMBER_OF = attribute("MVOTING_LDAP_MEMBER_OF", "memberOf");
    private static final Setting<Map<String, Set<String>>> LDAP_ROLE_GROUPS = Setting.of("MVOTING_LDAP_ROLE_GROUPS", null,
            "ROLE=group pairs separated by commas, such as OPERATOR=mvoting-operators,ADMIN=mvoting-admins (roles: "
                    + String.join(", ", Roles.ALL) + ")", CitySettings::roleGroups);
    private static final Setting<String> LDAP_UNIT_CLASS = attribute("MVOTING_LDAP_UNIT_CLASS", "organizationalUnit");
    private static final Setting<String> LDAP_UNIT_CODE = attribute("MVOTING_LDAP_UNIT_CODE", "ou");
    private static final Setting<String> LDAP_UNIT_NAME = attribute("MVOTING_LDAP_UNIT_NAME", "description");
    private static final Setting<String> LDAP_UNIT_TYPE = attribute("MVOTING_LDAP_UNIT_TYPE", "businessCategory");
    private static final Setting<Map<String, String>> LDAP_UNIT_TYPES = Setting.of("MVOTING_LDAP_UNIT_TYPES", null,
            "word=TYPE pairs separated by commas, such as 실=DIVISION,국=DIVISION,과=DEPARTMENT,팀=TEAM (types: "
                    + String.join(", ", UNIT_KINDS) + ")", CitySettings::unitTypes);
    private static final Setting<UnitLayout> LDAP_UNIT_LAYOUT = choice("MVOTING_LDAP_UNIT_LAYOUT", UnitLayout.TREE);
    private static final Setting<String> LDAP_UNIT_PARENT = attribute("MVOTING_LDAP_UNIT_PARENT", null);
    private static final Setting<Integer> DIRECTORY_SYNC_MINUTES = Setting.whole("MVOTING_DIRECTORY_SYNC_MINUTES", 60);
    private static final Setting<Integer> DIRECTORY_SYNC_DELAY_SECONDS =
            Setting.whole("MVOTING_DIRECTORY_SYNC_DELAY_SECONDS", 5);

    // Staff sign-in from the mobile office app
    private static final Setting<String> MOBILE_OFFICE_PUBLIC_KEY = Setting.text("MVOTING_MOBILE_OFFICE_PUBLIC_KEY", null);
    private static final Setting<String> MOBILE_OFFICE_PUBLIC_KEY_FILE =
            Setting.text("MVOTING_MOBILE_OFFICE_PUBLIC_KEY_FILE", null);
    private static final Setting<String> MOBILE_OFFICE_ISSUER =
            Setting.text("MVOTING_MOBILE_OFFICE_ISSUER", "https://mobile-office.city.go.kr");
    private static final Setting<String> MOBILE_OFFICE_AUDIENCE = Setting.text("MVOTING_MOBILE_OFFICE_AUDIENCE", "mvoting");
    private static final Setting<Integer> MOBILE_OFFICE_CLOCK_SKEW_SECONDS =
            Setting.whole("MVOTING_MOBILE_OFFICE_CLOCK_SKEW_SECONDS", 60);
    private static final Setting<String> MOBILE_OFFICE_JWKS_URL = Setting.of("MVOTING_MOBILE_OFFICE_JWKS_URL", null,
            "an http:// or https:// URL of the identity provider's JSON Web Key Set", CitySettings::httpUrl);
    private static final Setting<Integer> MOBILE_OFFICE_JWKS_CACHE_SECONDS =
            positive("MVOTING_MOBILE_OFFICE_JWKS_CACHE_SECONDS", 600);
    private static final Setting<Integer> MOBILE_OFFICE_JWKS_REFETCH_SECONDS =
            positive("MVOTING_MOBILE_OFFICE_JWKS_REFETCH_SECONDS", 30);

    // Citizens' sign-in by certificate (issue 18, part 6)
    private static final Setting<String> CERTIFICATE_TRUST_ANCHORS = Setting.text("MVOTING_CERTIFICATE_TRUST_ANCHORS", null);
    private static final Setting<String> CERTIFICATE_CRL = Setting.text("MVOTING_CERTIFICATE_CRL", null);
    private static final Setting<String> CERTIFICATE_SUBJECT_ID = Setting.of("MVOTING_CERTIFICATE_SUBJECT_ID",
            "SERIALNUMBER",
            "an attribute of the subject's name such as SERIALNUMBER, UID or 2.5.4.5, or SAN-OTHERNAME:<OID>",
            CitySettings::subjectAttribute);
    private static final Setting<Integer> CERTIFICATE_TOKEN_TTL_MINUTES = Setting.of(
            "MVOTING_CERTIFICATE_TOKEN_TTL_MINUTES", "10", "a whole number of minutes from 1 to 60",
            value -> within(value, 1, 60));

    // Staff sign-in (issue 14: lockout per ID and address, throttle per address, a short cache of a verified login)
    private static final Setting<Integer> STAFF_LOGIN_FAILURES = positive("MVOTING_STAFF_LOGIN_FAILURES", 10);
    private static final Setting<Integer> STAFF_LOGIN_LOCK_MINUTES = positive("MVOTING_STAFF_LOGIN_LOCK_MINUTES", 15);
    private static final Setting<Integer> STAFF_LOGIN_ADDRESS_FAILURES =
            positive("MVOTING_STAFF_LOGIN_ADDRESS_FAILURES", 30);
    private static final Setting<Integer> STAFF_LOGIN_CACHE_SECONDS = Setting.of("MVOTING_STAFF_LOGIN_CACHE_SECONDS", "60",
            "a whole number of seconds from 0 (no cache) to 600", value -> within(value, 0, 600));

    // Citizens' numbers change hands
    private static final Setting<Integer> NUMBER_REASSIGNED_AFTER_MONTHS =
            positive("MVOTING_NUMBER_REASSIGNED_AFTER_MONTHS", 12);

    // Operations (issue 16: health for the balancer, metrics for the city's monitoring)
    private static final Setting<String> METRICS_TOKEN = Setting.of("MVOTING_METRICS_TOKEN", null,
            "at least " + CitySettings.METRICS_TOKEN_MIN_LENGTH + " characters", CitySettings::metricsTokenText);
    private static final Setting<Boolean> READY_REQUIRES_DIRECTORY = Setting.flag("MVOTING_READY_REQUIRES_DIRECTORY", false);

    /** Every setting, for the check at deployment and for the docs. */
    static final List<Setting<?>> ALL = List.of(TIME_ZONE, PUBLIC_URL, DEMO, SECRET,
            SIGNING_KEYSTORE, SIGNING_KEYSTORE_PASSWORD, SIGNING_KEYSTORE_ALIAS,
            TOKEN_TTL_MINUTES, DEVICE_BALLOTS_PER_ADDRESS_PER_HOUR, POLL_PASSWORD_GUESSES, MIX_MIN_BATCH,
            CITIZEN_POLLS_PER_DAY, CITIZEN_INVITATIONS_PER_DAY, REPORTS_TO_HIDE, EVENT_PASS_HOURS,
            SMS_ADAPTER, SMS_GATEWAY_URL, SMS_GATEWAY_KEY, SMS_SENDER, SMS_CAMPAIGN_PER_NUMBER_PER_DAY,
            SMS_CODES_PER_ADDRESS_PER_HOUR, SMS_DAILY_BUDGET, SMS_ALLOWED_PREFIXES,
            PUSH_ADAPTER, PUSH_GATEWAY_URL, PUSH_GATEWAY_KEY, VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY, VAPID_SUBJECT,
            WEB_PUSH_SERVICES,
            MOBILE_OFFICE_NOTIFY_URL, MOBILE_OFFICE_NOTIFY_KEY,
            STAFF_MAIL, STAFF_MAIL_SESSION, STAFF_MAIL_DOMAIN, SMTP_HOST,
            LDAP_URL, LDAP_BASE_DN, LDAP_ORG_BRANCH, LDAP_PEOPLE_BRANCH, LDAP_GROUPS_BRANCH, LDAP_BIND_DN,
            LDAP_BIND_PASSWORD, LDAP_CONNECT_TIMEOUT_MS, LDAP_RESPONSE_TIMEOUT_MS,
            LDAP_PERSON_CLASS, LDAP_PERSON_ID, LDAP_PERSON_NAME, LDAP_PERSON_TITLE, LDAP_PERSON_UNIT, LDAP_PERSON_UNIT_BY,
            LDAP_PERSON_MANAGER, LDAP_PEOPLE_SCOPE, LDAP_ROLES_BY, LDAP_GROUP_CLASS, LDAP_GROUP_NAME, LDAP_GROUP_MEMBER,
            LDAP_MEMBER_OF, LDAP_ROLE_GROUPS, LDAP_UNIT_CLASS, LDAP_UNIT_CODE, LDAP_UNIT_NAME, LDAP_UNIT_TYPE,
            LDAP_UNIT_TYPES, LDAP_UNIT_LAYOUT, LDAP_UNIT_PARENT, DIRECTORY_SYNC_MINUTES,
            DIRECTORY_SYNC_DELAY_SECONDS,
            MOBILE_OFFICE_PUBLIC_KEY, MOBILE_OFFICE_PUBLIC_KEY_FILE, MOBILE_OFFICE_ISSUER, MOBILE_OFFICE_AUDIENCE,
            CERTIFICATE_TRUST_ANCHORS, CERTIFICATE_CRL, CERTIFICATE_SUBJECT_ID, CERTIFICATE_TOKEN_TTL_MINUTES,
            MOBILE_OFFICE_CLOCK_SKEW_SECONDS, MOBILE_OFFICE_JWKS_URL, MOBILE_OFFICE_JWKS_CACHE_SECONDS,
            MOBILE_OFFICE_JWKS_REFETCH_SECONDS,
            STAFF_LOGIN_FAILURES, STAFF_LOGIN_LOCK_MINUTES, STAFF_LOGIN_ADDRESS_FAILURES, STAFF_LOGIN_CACHE_SECONDS,
            NUMBER_REASSIGNED_AFTER_MONTHS, METRICS_TOKEN, READY_REQUIRES_DIRECTORY);

    /** Where the units' hierarchy is: the entries' own nesting, or an attribute naming the parent. */
    public enum UnitLayout { TREE, FLAT }

    /** What a person's unit attribute holds: the unit's code, its name, or its entry's DN. */
    public enum UnitReference { CODE, NAME, DN }

    /** Where a person's roles are read: group entries listing members, or the person's memberOf attribute. */
    public enum RoleSource { GROUPS, MEMBER_OF }

    /** How deep people are searched under their branch: its children only, or its whole subtree. */
    public enum SearchDepth { ONE, SUB }

    /** The shortest metrics token taken: a scraper's secret, not a password someone types. */
    public static final int METRICS_TOKEN_MIN_LENGTH = 32;

    private CitySettings() {
    }

    /** What is wrong with the settings now in force, one line per bad value; empty when all can be read. */
    public static List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (Setting<?> setting : ALL) {
            try {
                setting.value();
            } catch (IllegalStateException e) {
                problems.add(e.getMessage());
            }
        }
        mismatches(problems);
        return problems;
    }

    /** Settings that are each readable but do not fit together. */
    private static void mismatches(List<String> problems) {
        try {
            if ((VAPID_PUBLIC_KEY.value() == null) != (VAPID_PRIVATE_KEY.value() == null)) {
                problems.add("Settings MVOTING_VAPID_PUBLIC_KEY and MVOTING_VAPID_PRIVATE_KEY go together: set both"
                        + " (a pair) or neither");
            }
        } catch (IllegalStateException reportedAbove) {
            // an unreadable value is already a problem of its own
        }
        try {
            if (LDAP_UNIT_LAYOUT.value() == UnitLayout.FLAT && LDAP_UNIT_PARENT.value() == null) {
                problems.add("Setting MVOTING_LDAP_UNIT_LAYOUT is FLAT: MVOTING_LDAP_UNIT_PARENT must name the attribute"
                        + " that holds each unit's parent (its code or its DN)");
            }
        } catch (IllegalStateException reportedAbove) {
            // an unreadable value is already a problem of its own
        }
    }

    /** Every setting, in the order they are declared here (to watch them, list them, check them). */
    public static List<Setting<?>> all() {
        return ALL;
    }

    /** A key in base64url (padding allowed) of exactly {@code length} bytes; a public point must be uncompressed. */
    private static String base64UrlKey(String text, int length) {
        byte[] key = java.util.Base64.getUrlDecoder().decode(text.strip());
        if (key.length != length || (length == 65 && key[0] != 0x04)) {
            throw new IllegalArgumentException(text);
        }
        return text.strip();
    }

    /** Host names (letters, digits, dots, hyphens) separated by commas. */
    static List<String> hostNames(String text) {
        List<String> hosts = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String host = part.strip().toLowerCase(Locale.ROOT);
            String[] labels = host.split("\\.", -1);
            boolean valid = labels.length >= 2;
            for (String label : labels) {
                // one label at a time: a single pattern for the whole name would backtrack badly on a long bad one
                valid &= label.matches("[a-z0-9-]{1,63}") && !label.startsWith("-") && !label.endsWith("-");
            }
            if (!valid) {
                throw new IllegalArgumentException(text);
            }
            hosts.add(host);
        }
        return List.copyOf(hosts);
    }

    /** RFC 8292 §2.1: the contact the push service can reach, a mailto: or an https: URI. */
    private static String vapidSubject(String text) {
        String subject = text.strip();
        if (!(subject.startsWith("mailto:") && subject.length() > "mailto:".length()) && !subject.startsWith("https://")) {
            throw new IllegalArgumentException(text);
        }
        return subject;
    }

    /** An absolute http or https URL (a key set is public, but it must be a place, not a file or a guess). */
    private static String httpUrl(String text) {
        java.net.URI uri = java.net.URI.create(text.strip());
        if (!uri.isAbsolute() || uri.getHost() == null
                || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
            throw new IllegalArgumentException(text);
        }
        return uri.toString();
    }

    private static int positive(String text) {
        int value = Integer.parseInt(text);
        if (value < 1) {
            throw new IllegalArgumentException(text);
        }
        return value;
    }

    /** "+8210, +8211" → [+8210, +8211]: each a plus and one to seven digits, at least one. */
    static List<String> prefixes(String text) {
        List<String> prefixes = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            String prefix = part.strip();
            if (!prefix.matches("\\+[1-9][0-9]{0,6}")) {
                throw new IllegalArgumentException(text);
            }
            prefixes.add(prefix);
        }
        return List.copyOf(prefixes);
    }

    private static Setting<String> attribute(String name, String defaultValue) {
        return Setting.of(name, defaultValue, "an LDAP attribute or object class name such as departmentNumber",
                CitySettings::ldapName);
    }

    static String ldapName(String text) {
        if (!LDAP_NAME.matcher(text).matches()) {
            throw new IllegalArgumentException(text);
        }
        return text;
    }

    private static <E extends Enum<E>> Setting<E> choice(String name, E defaultValue) {
        Class<E> type = defaultValue.getDeclaringClass();
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name());
        }
        return Setting.of(name, defaultValue.name(), "one of " + String.join(", ", names),
                text -> Enum.valueOf(type, text.toUpperCase(Locale.ROOT)));
    }

    /** "word=KIND, ..." → {word in lower case: KIND}. */
    static Map<String, String> unitTypes(String text) {
        Map<String, String> types = new LinkedHashMap<>();
        pairs(text).forEach(pair -> {
            String word = pair.getKey();
            String kind = pair.getValue();
            String upper = kind.toUpperCase(Locale.ROOT);
            if (!UNIT_KINDS.contains(upper) || types.put(word.toLowerCase(Locale.ROOT), upper) != null) {
                throw new IllegalArgumentException(text);
            }
        });
        return Collections.unmodifiableMap(types);
    }

    /** "ROLE=group, ..." → {group name in lower case: its roles}; a group may give several roles. */
    static Map<String, Set<String>> roleGroups(String text) {
        Map<String, Set<String>> groups = new LinkedHashMap<>();
        for (String pair : text.split(",", -1)) {
            String[] parts = pair.split("=", -1);
            String role = parts.length == 2 ? parts[0].strip().toUpperCase(Locale.ROOT) : "";
            String group = parts.length == 2 ? parts[1].strip() : "";
            if (!Roles.ALL.contains(role) || group.isEmpty()) {
                throw new IllegalArgumentException(text);
            }
            groups.computeIfAbsent(group.toLowerCase(Locale.ROOT), g -> new TreeSet<>()).add(role);
        }
        groups.replaceAll((group, roles) -> Set.copyOf(roles));
        return Collections.unmodifiableMap(groups);
    }

    /** "a=b, c=d" → [(a, b), (c, d)] in order, each side stripped and non-empty. */
    private static List<Map.Entry<String, String>> pairs(String text) {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String pair : text.split(",", -1)) {
            String[] parts = pair.split("=", -1);
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new IllegalArgumentException(text);
            }
            pairs.add(Map.entry(parts[0].strip(), parts[1].strip()));
        }
        return pairs;
    }

    private static Setting<Integer> positive(String name, int defaultValue) {
        return Setting.of(name, Integer.toString(defaultValue), "a whole number of at least 1",
                value -> within(value, 1, Integer.MAX_VALUE));
    }

    private static int within(String value, int min, int max) {
        int number = Integer.parseInt(value);
        if (number < min || number > max) {
            throw new IllegalArgumentException(value);
        }
        return number;
    }

    private static String metricsTokenText(String text) {
        if (text.length() < METRICS_TOKEN_MIN_LENGTH) {
            throw new IllegalArgumentException("too short");
        }
        return text;
    }

    static String subjectAttribute(String text) {
        String name = text.strip().toUpperCase(java.util.Locale.ROOT);
        boolean otherName = name.startsWith("SAN-OTHERNAME:") && isOid(name.substring("SAN-OTHERNAME:".length()));
        if (!(otherName || isOid(name) || isAttributeName(name))) {
            throw new IllegalArgumentException(text);
        }
        return name;
    }

    /** Digits in two or more dotted arcs, such as 2.5.4.5 (a loop, not a regular expression: no backtracking). */
    public static boolean isOid(String text) {
        String[] arcs = text.split("\\.", -1);
        if (arcs.length < 2) {
            return false;
        }
        for (String arc : arcs) {
            if (arc.isEmpty() || !arc.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAttributeName(String name) {
        return !name.isEmpty() && name.charAt(0) >= 'A' && name.charAt(0) <= 'Z'
                && name.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-');
    }

    /** Only the server's own java: namespace: never an ldap:, rmi: or other URL a lookup would go out to. */
    private static String javaNamespaceName(String text) {
        if (!text.matches("java:[A-Za-z0-9_./-]+")) {
            throw new IllegalArgumentException("not a java: name");
        }
        return text;
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException(id, e);
        }
    }

    // --- The city

    /** The city's clock (MVOTING_TIME_ZONE, default Asia/Seoul): portal, reports, messages and daily limits. */
    public static ZoneId timeZone() {
        return TIME_ZONE.value();
    }

    /** Where citizens reach the site (MVOTING_PUBLIC_URL), for links that leave the building; empty: not set. */
    public static Optional<String> publicUrl() {
        return Optional.ofNullable(PUBLIC_URL.value());
    }

    /** A demonstration system (MVOTING_DEMO): demo data, and messages stay in the local inboxes by default. */
    public static boolean demo() {
        return DEMO.value();
    }

    /**
     * The server's master secret (MVOTING_SECRET), the same on every node; empty: not set, which only a demo system
     * may be (it creates one in the server's data directory); anywhere else the deployment stops.
     */
    public static Optional<String> secret() {
        return Optional.ofNullable(SECRET.value());
    }

    /**
     * The PKCS#12 file holding the city's signing key and certificate, which signs every results summary PDF
     * (MVOTING_SIGNING_KEYSTORE); empty: not set, which only a demo system may be (it creates a self-signed
     * "mVoting demo signing" certificate in the server's data directory); anywhere else the deployment stops.
     */
    public static Optional<String> signingKeystore() {
        return Optional.ofNullable(SIGNING_KEYSTORE.value());
    }

    /** The signing keystore's password, also the key's (MVOTING_SIGNING_KEYSTORE_PASSWORD, default empty). */
    public static String signingKeystorePassword() {
        return SIGNING_KEYSTORE_PASSWORD.value();
    }

    /** The signing key's alias in that keystore (MVOTING_SIGNING_KEYSTORE_ALIAS); empty: its only key. */
    public static Optional<String> signingKeystoreAlias() {
        return Optional.ofNullable(SIGNING_KEYSTORE_ALIAS.value());
    }

    // --- Citizens and ballots

    /** How long a citizen's sign-in lasts (MVOTING_TOKEN_TTL_MINUTES). */
    public static int tokenTtlMinutes() {
        return TOKEN_TTL_MINUTES.value();
    }

    /** Ballots from shared devices per network address and hour (MVOTING_DEVICE_BALLOTS_PER_ADDRESS_PER_HOUR). */
    public static int deviceBallotsPerAddressPerHour() {
        return DEVICE_BALLOTS_PER_ADDRESS_PER_HOUR.value();
    }

    /** Guesses at a poll's password one voter may make in 15 minutes (MVOTING_POLL_PASSWORD_GUESSES). */
    public static int pollPasswordGuesses() {
        return POLL_PASSWORD_GUESSES.value();
    }

    /** Ballots that must be waiting before a poll's are mixed into the tally (MVOTING_MIX_MIN_BATCH); read once at deployment. */
    public static int mixMinBatch() {
        return MIX_MIN_BATCH.value();
    }

    /** Polls one citizen may start in any 24 hours (MVOTING_CITIZEN_POLLS_PER_DAY). */
    public static int citizenPollsPerDay() {
        return CITIZEN_POLLS_PER_DAY.value();
    }

    /** Invitations one citizen may send in any 24 hours (MVOTING_CITIZEN_INVITATIONS_PER_DAY). */
    public static int citizenInvitationsPerDay() {
        return CITIZEN_INVITATIONS_PER_DAY.value();
    }

    /** Open reports that hide a citizen's poll until a moderator decides (MVOTING_REPORTS_TO_HIDE). */
    public static int reportsToHide() {
        return REPORTS_TO_HIDE.value();
    }

    /** How long a participant's pass to an on-site event lasts (MVOTING_EVENT_PASS_HOURS). */
    public static int eventPassHours() {
        return EVENT_PASS_HOURS.value();
    }

    // --- SMS and push

    /** The SMS adapter, {@code local} or {@code http} (MVOTING_SMS_ADAPTER); a demo system defaults to {@code local}. */
    public static Optional<String> smsAdapter() {
        return Optional.ofNullable(SMS_ADAPTER.value()).or(() -> demo() ? Optional.of("local") : Optional.empty());
    }

    /** The SMS gateway's address (MVOTING_SMS_GATEWAY_URL). */
    public static Optional<String> smsGatewayUrl() {
        return Optional.ofNullable(SMS_GATEWAY_URL.value());
    }

    /** The SMS gateway's key (MVOTING_SMS_GATEWAY_KEY). */
    public static Optional<String> smsGatewayKey() {
        return Optional.ofNullable(SMS_GATEWAY_KEY.value());
    }

    /** The number SMS are sent from (MVOTING_SMS_SENDER). */
    public static String smsSender() {
        return SMS_SENDER.value();
    }

    /** Campaign SMS one phone number may receive per day (MVOTING_SMS_CAMPAIGN_PER_NUMBER_PER_DAY). */
    public static int smsCampaignPerNumberPerDay() {
        return SMS_CAMPAIGN_PER_NUMBER_PER_DAY.value();
    }

    /**
     * Sign-in codes one client address may ask for in an hour (MVOTING_SMS_CODES_PER_ADDRESS_PER_HOUR); IPv6
     * addresses count per /64. Citizens behind one carrier NAT or one venue's Wi-Fi share an address.
     */
    public static int smsCodesPerAddressPerHour() {
        return SMS_CODES_PER_ADDRESS_PER_HOUR.value();
    }

    /** SMS handed to the gateway per day in the city's zone, every kind together (MVOTING_SMS_DAILY_BUDGET). */
    public static int smsDailyBudget() {
        return SMS_DAILY_BUDGET.value();
    }

    /**
     * The numbers SMS may go to, as E.164 prefixes (MVOTING_SMS_ALLOWED_PREFIXES; default Korean mobile numbers:
     * +8210, +8211, +8216 to +8219). A number outside gets no code and no invitation.
     */
    public static List<String> smsAllowedPrefixes() {
        return SMS_ALLOWED_PREFIXES.value();
    }

    /** The push adapter, {@code local} or {@code http} (MVOTING_PUSH_ADAPTER); a demo system defaults to {@code local}. */
    public static Optional<String> pushAdapter() {
        return Optional.ofNullable(PUSH_ADAPTER.value()).or(() -> demo() ? Optional.of("local") : Optional.empty());
    }

    /** The push gateway's address (MVOTING_PUSH_GATEWAY_URL). */
    public static Optional<String> pushGatewayUrl() {
        return Optional.ofNullable(PUSH_GATEWAY_URL.value());
    }

    /** The push gateway's key (MVOTING_PUSH_GATEWAY_KEY). */
    public static Optional<String> pushGatewayKey() {
        return Optional.ofNullable(PUSH_GATEWAY_KEY.value());
    }

    /**
     * The city's VAPID public key for Web Push, base64url (MVOTING_VAPID_PUBLIC_KEY); with the private key, or
     * neither. Unset: a demo system derives a pair from its server secret; elsewhere Web Push is off.
     */
    public static Optional<String> vapidPublicKey() {
        return Optional.ofNullable(VAPID_PUBLIC_KEY.value());
    }

    /**
     * The browsers' push services a subscription may point at (MVOTING_WEB_PUSH_SERVICES; a host matches a name or
     * any host under it): the city's server posts to a subscription's address, so it must not be one of the city's
     * own machines. The default names Chrome/Android, Firefox, Safari/iOS and Edge.
     */
    public static List<String> webPushServices() {
        return WEB_PUSH_SERVICES.value();
    }

    /** The city's VAPID private key, base64url (MVOTING_VAPID_PRIVATE_KEY). */
    public static Optional<String> vapidPrivateKey() {
        return Optional.ofNullable(VAPID_PRIVATE_KEY.value());
    }

    /**
     * Whom a push service can contact about the city's pushes (MVOTING_VAPID_SUBJECT): a mailto: or https: URI;
     * unset, MVOTING_PUBLIC_URL when that is https, else none (push services may then refuse the city's pushes).
     */
    public static Optional<String> vapidSubject() {
        return Optional.ofNullable(VAPID_SUBJECT.value())
                .or(() -> publicUrl().filter(url -> url.startsWith("https://")));
    }

    /**
     * The mobile office's notification endpoint (MVOTING_MOBILE_OFFICE_NOTIFY_URL); empty: staff notices are kept in
     * local_mobile_office_message instead of being sent.
     */
    public static Optional<String> mobileOfficeNotifyUrl() {
        return Optional.ofNullable(MOBILE_OFFICE_NOTIFY_URL.value());
    }

    /** The bearer key mVoting sends to the mobile office's notification endpoint (MVOTING_MOBILE_OFFICE_NOTIFY_KEY). */
    public static Optional<String> mobileOfficeNotifyKey() {
        return Optional.ofNullable(MOBILE_OFFICE_NOTIFY_KEY.value());
    }

    /** Whether staff notices also go out by e-mail (MVOTING_STAFF_MAIL); they need MVOTING_STAFF_MAIL_DOMAIN too. */
    public static boolean staffMail() {
        return STAFF_MAIL.value() && staffMailDomain().isPresent();
    }

    /** The JNDI name of WildFly's mail session the e-mails go through (MVOTING_STAFF_MAIL_SESSION). */
    public static String staffMailSession() {
        return STAFF_MAIL_SESSION.value();
    }

    /**
     * The staff mail domain (MVOTING_STAFF_MAIL_DOMAIN, {@code city.go.kr}): a member of staff's address is their
     * portal ID at this domain (the directory sync keeps no mail attribute).
     */
    public static Optional<String> staffMailDomain() {
        return Optional.ofNullable(STAFF_MAIL_DOMAIN.value());
    }

    /**
     * The SMTP server WildFly's mail session sends through (MVOTING_SMTP_HOST, set by wildfly-config/07-mail.cli);
     * empty: e-mails are kept in local_mail_message instead.
     */
    public static Optional<String> smtpHost() {
        return Optional.ofNullable(SMTP_HOST.value());
    }

    // --- The staff directory (LDAP)

    /** The directory's address (MVOTING_LDAP_URL); empty: staff cannot sign in with a password. */
    public static Optional<String> ldapUrl() {
        return Optional.ofNullable(LDAP_URL.value());
    }

    /** The directory's base DN (MVOTING_LDAP_BASE_DN). */
    public static String ldapBaseDn() {
        return LDAP_BASE_DN.value();
    }

    /** The branch of units under the base DN (MVOTING_LDAP_ORG_BRANCH). */
    public static String ldapOrgBranch() {
        return LDAP_ORG_BRANCH.value();
    }

    /** The branch of people under the base DN (MVOTING_LDAP_PEOPLE_BRANCH). */
    public static String ldapPeopleBranch() {
        return LDAP_PEOPLE_BRANCH.value();
    }

    /** The branch of role groups under the base DN (MVOTING_LDAP_GROUPS_BRANCH). */
    public static String ldapGroupsBranch() {
        return LDAP_GROUPS_BRANCH.value();
    }

    /** The service account's DN (MVOTING_LDAP_BIND_DN); empty: anonymous reads. */
    public static Optional<String> ldapBindDn() {
        return Optional.ofNullable(LDAP_BIND_DN.value());
    }

    /** The service account's password (MVOTING_LDAP_BIND_PASSWORD). */
    public static String ldapBindPassword() {
        return LDAP_BIND_PASSWORD.value();
    }

    /** MVOTING_LDAP_CONNECT_TIMEOUT_MS. */
    public static int ldapConnectTimeoutMillis() {
        return LDAP_CONNECT_TIMEOUT_MS.value();
    }

    /** MVOTING_LDAP_RESPONSE_TIMEOUT_MS. */
    public static int ldapResponseTimeoutMillis() {
        return LDAP_RESPONSE_TIMEOUT_MS.value();
    }

    /** The object class of people (MVOTING_LDAP_PERSON_CLASS, default inetOrgPerson). */
    public static String ldapPersonClass() {
        return LDAP_PERSON_CLASS.value();
    }

    /** The attribute holding a person's portal ID (MVOTING_LDAP_PERSON_ID, default uid). */
    public static String ldapPersonId() {
        return LDAP_PERSON_ID.value();
    }

    /** A person's display name (MVOTING_LDAP_PERSON_NAME, default cn). */
    public static String ldapPersonName() {
        return LDAP_PERSON_NAME.value();
    }

    /** A person's job title (MVOTING_LDAP_PERSON_TITLE, default title). */
    public static String ldapPersonTitle() {
        return LDAP_PERSON_TITLE.value();
    }

    /** The attribute naming a person's unit (MVOTING_LDAP_PERSON_UNIT, default departmentNumber). */
    public static String ldapPersonUnit() {
        return LDAP_PERSON_UNIT.value();
    }

    /** What that attribute holds (MVOTING_LDAP_PERSON_UNIT_BY: CODE, the default, NAME or DN). */
    public static UnitReference ldapPersonUnitBy() {
        return LDAP_PERSON_UNIT_BY.value();
    }

    /** The attribute holding the DN of a person's manager (MVOTING_LDAP_PERSON_MANAGER, default manager). */
    public static String ldapPersonManager() {
        return LDAP_PERSON_MANAGER.value();
    }

    /** People directly under their branch (ONE, the default) or anywhere below it (SUB): MVOTING_LDAP_PEOPLE_SCOPE. */
    public static SearchDepth ldapPeopleScope() {
        return LDAP_PEOPLE_SCOPE.value();
    }

    /** Where roles are read (MVOTING_LDAP_ROLES_BY: GROUPS, the default, or MEMBER_OF). */
    public static RoleSource ldapRolesBy() {
        return LDAP_ROLES_BY.value();
    }

    /** The object class of role groups (MVOTING_LDAP_GROUP_CLASS, default groupOfNames). */
    public static String ldapGroupClass() {
        return LDAP_GROUP_CLASS.value();
    }

    /** A group's name (MVOTING_LDAP_GROUP_NAME, default cn). */
    public static String ldapGroupName() {
        return LDAP_GROUP_NAME.value();
    }

    /** A group's attribute listing its members' DNs (MVOTING_LDAP_GROUP_MEMBER, default member). */
    public static String ldapGroupMember() {
        return LDAP_GROUP_MEMBER.value();
    }

    /** A person's attribute listing their groups' DNs, for MEMBER_OF (MVOTING_LDAP_MEMBER_OF, default memberOf). */
    public static String ldapMemberOf() {
        return LDAP_MEMBER_OF.value();
    }

    /**
     * Which directory groups give which roles (MVOTING_LDAP_ROLE_GROUPS), keyed by group name in lower case; empty
     * (the default): a group whose name is a role's name gives that role.
     */
    public static Map<String, Set<String>> ldapRoleGroups() {
        Map<String, Set<String>> groups = LDAP_ROLE_GROUPS.value();
        return groups == null ? Map.of() : groups;
    }

    /** The object class of org units (MVOTING_LDAP_UNIT_CLASS, default organizationalUnit). */
    public static String ldapUnitClass() {
        return LDAP_UNIT_CLASS.value();
    }

    /** A unit's code (MVOTING_LDAP_UNIT_CODE, default ou). */
    public static String ldapUnitCode() {
        return LDAP_UNIT_CODE.value();
    }

    /** A unit's name (MVOTING_LDAP_UNIT_NAME, default description). */
    public static String ldapUnitName() {
        return LDAP_UNIT_NAME.value();
    }

    /** A unit's type (MVOTING_LDAP_UNIT_TYPE, default businessCategory). */
    public static String ldapUnitType() {
        return LDAP_UNIT_TYPE.value();
    }

    /**
     * The directory's words for unit types, in lower case, to the org chart's (MVOTING_LDAP_UNIT_TYPES); the four
     * names of {@link #UNIT_KINDS} always stand for themselves, and a unit without a known word is typed by depth.
     */
    public static Map<String, String> ldapUnitTypes() {
        Map<String, String> types = LDAP_UNIT_TYPES.value();
        return types == null ? Map.of() : types;
    }

    /** Units nested as entries (TREE, the default) or flat with a parent attribute (FLAT): MVOTING_LDAP_UNIT_LAYOUT. */
    public static UnitLayout ldapUnitLayout() {
        return LDAP_UNIT_LAYOUT.value();
    }

    /** For FLAT: the attribute holding a unit's parent, as its code or DN (MVOTING_LDAP_UNIT_PARENT). */
    public static Optional<String> ldapUnitParent() {
        return Optional.ofNullable(LDAP_UNIT_PARENT.value());
    }

    /** Minutes between scheduled directory syncs (MVOTING_DIRECTORY_SYNC_MINUTES); 0 or less: none; read at deployment. */
    public static int directorySyncMinutes() {
        return DIRECTORY_SYNC_MINUTES.value();
    }

    /** Seconds from deployment to the first scheduled sync (MVOTING_DIRECTORY_SYNC_DELAY_SECONDS). */
    public static int directorySyncDelaySeconds() {
        return DIRECTORY_SYNC_DELAY_SECONDS.value();
    }

    // --- Staff sign-in from the mobile office app

    /** The mobile office's public key as PEM (MVOTING_MOBILE_OFFICE_PUBLIC_KEY). */
    public static Optional<String> mobileOfficePublicKey() {
        return Optional.ofNullable(MOBILE_OFFICE_PUBLIC_KEY.value());
    }

    /** A file holding that key, when it is not given itself (MVOTING_MOBILE_OFFICE_PUBLIC_KEY_FILE). */
    public static Optional<String> mobileOfficePublicKeyFile() {
        return Optional.ofNullable(MOBILE_OFFICE_PUBLIC_KEY_FILE.value());
    }

    /** The issuer the mobile office's tokens name (MVOTING_MOBILE_OFFICE_ISSUER). */
    public static String mobileOfficeIssuer() {
        return MOBILE_OFFICE_ISSUER.value();
    }

    /** The audience the mobile office's tokens must name (MVOTING_MOBILE_OFFICE_AUDIENCE). */
    public static String mobileOfficeAudience() {
        return MOBILE_OFFICE_AUDIENCE.value();
    }

    /** Clock difference allowed with the mobile office (MVOTING_MOBILE_OFFICE_CLOCK_SKEW_SECONDS). */
    public static int mobileOfficeClockSkewSeconds() {
        return MOBILE_OFFICE_CLOCK_SKEW_SECONDS.value();
    }

    // --- Citizens' sign-in by certificate

    /**
     * The city's trust anchors for citizens' certificates: a PEM file of CA certificates, or a folder of them
     * (MVOTING_CERTIFICATE_TRUST_ANCHORS); empty: certificate sign-in is off and no poll may require it.
     */
    public static Optional<String> certificateTrustAnchors() {
        return Optional.ofNullable(CERTIFICATE_TRUST_ANCHORS.value());
    }

    /**
     * The certificate revocation lists: CRL files (PEM or DER) or folders of them, separated by commas
     * (MVOTING_CERTIFICATE_CRL). Re-read when a file changes. Without a current CRL for an issuer every certificate it
     * issued is refused (certificate-revocation-unknown).
     */
    public static List<String> certificateCrl() {
        String value = CERTIFICATE_CRL.value();
        List<String> paths = new ArrayList<>();
        if (value != null) {
            for (String part : value.split(",")) {
                if (!part.isBlank()) {
                    paths.add(part.strip());
                }
            }
        }
        return paths;
    }

    /**
     * The attribute of the certificate subject's name that identifies a person across renewals
     * (MVOTING_CERTIFICATE_SUBJECT_ID, default SERIALNUMBER; a name such as UID or CN, an OID such as 2.5.4.5, or
     * SAN-OTHERNAME:&lt;OID&gt; for a string otherName of the subjectAltName).
     */
    public static String certificateSubjectId() {
        return CERTIFICATE_SUBJECT_ID.value();
    }

    /** Minutes a certificate sign-in's token is valid (MVOTING_CERTIFICATE_TOKEN_TTL_MINUTES, default 10, 1 to 60). */
    public static int certificateTokenTtlMinutes() {
        return CERTIFICATE_TOKEN_TTL_MINUTES.value();
    }

    // --- The mobile office's key set

    /**
     * The identity provider's JSON Web Key Set (MVOTING_MOBILE_OFFICE_JWKS_URL): keys picked by the token's {@code kid},
     * fetched again when the cache is old or an unknown {@code kid} arrives, so the provider rotates keys without a
     * redeploy. Beside the single PEM key, not instead of it.
     */
    public static Optional<String> mobileOfficeJwksUrl() {
        return Optional.ofNullable(MOBILE_OFFICE_JWKS_URL.value());
    }

    /** How long a fetched key set is used before it is fetched again (MVOTING_MOBILE_OFFICE_JWKS_CACHE_SECONDS). */
    public static int mobileOfficeJwksCacheSeconds() {
        return MOBILE_OFFICE_JWKS_CACHE_SECONDS.value();
    }

    /**
     * Fewest seconds between two fetches of the key set that were not due by age (an unknown kid, a failed fetch):
     * MVOTING_MOBILE_OFFICE_JWKS_REFETCH_SECONDS. Unknown kids cost an attacker nothing; this keeps them from making
     * mVoting hammer the identity provider.
     */
    public static int mobileOfficeJwksRefetchSeconds() {
        return MOBILE_OFFICE_JWKS_REFETCH_SECONDS.value();
    }

    // --- Staff sign-in

    /**
     * Wrong passwords from one client address for one portal ID before that pair is locked
     * (MVOTING_STAFF_LOGIN_FAILURES, default 10); the same ID from elsewhere still logs in.
     */
    public static int staffLoginFailures() {
        return STAFF_LOGIN_FAILURES.value();
    }

    /** How long a lock lasts, and the window failures are counted in (MVOTING_STAFF_LOGIN_LOCK_MINUTES, default 15). */
    public static int staffLoginLockMinutes() {
        return STAFF_LOGIN_LOCK_MINUTES.value();
    }

    /**
     * Wrong passwords from one client address, over any IDs, within the lock window before that address is refused
     * every staff login for the rest of it (MVOTING_STAFF_LOGIN_ADDRESS_FAILURES, default 30): password spraying.
     */
    public static int staffLoginAddressFailures() {
        return STAFF_LOGIN_ADDRESS_FAILURES.value();
    }

    /**
     * How long a node trusts a verified ID and password without asking the directory again
     * (MVOTING_STAFF_LOGIN_CACHE_SECONDS, default 60, 0 to 600; 0: no cache).
     */
    public static int staffLoginCacheSeconds() {
        return STAFF_LOGIN_CACHE_SECONDS.value();
    }

    // --- Citizens' numbers

    /**
     * Months a phone number may go without a sign-in before its next sign-in starts a new citizen, as carriers
     * reassign numbers (MVOTING_NUMBER_REASSIGNED_AFTER_MONTHS, default 12).
     */
    public static int numberReassignedAfterMonths() {
        return NUMBER_REASSIGNED_AFTER_MONTHS.value();
    }

    // --- Operations

    /**
     * The bearer secret the city's monitoring sends to scrape {@code /metrics} (MVOTING_METRICS_TOKEN, at least 32
     * characters); empty: not set, and {@code /metrics} answers 404 as if it did not exist. Read per request, so a
     * rotated secret needs no redeploy.
     */
    public static Optional<String> metricsToken() {
        return Optional.ofNullable(METRICS_TOKEN.value());
    }

    /**
     * Whether a directory (LDAP) that cannot be reached takes the node out of the balancer
     * (MVOTING_READY_REQUIRES_DIRECTORY, default false). Every node shares one directory, so by default its loss is
     * reported in the readiness body but keeps the nodes in service: citizens vote without it, only staff sign-in
     * waits for it.
     */
    public static boolean readyRequiresDirectory() {
        return READY_REQUIRES_DIRECTORY.value();
    }
}
