package org.mvoting.web.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.BusinessException;

/** Every refusal the services can raise has a Korean and an English title and detail. */
class ProblemBundlesTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("org.mvoting.web.i18n.problems", locale, NO_FALLBACK);
    }

    @Test
    void koreanIsTheDefaultAndEnglishHasExactlyTheSameKeys() {
        ResourceBundle ko = bundle(Locale.KOREAN);
        ResourceBundle en = bundle(Locale.ENGLISH);
        assertEquals(Locale.ROOT, ko.getLocale(), "Korean lives in the base bundle");
        assertEquals(new TreeSet<>(ko.keySet()), new TreeSet<>(en.keySet()));
        assertNotEquals(ko.getString("already-voted.title"), en.getString("already-voted.title"));
    }

    @Test
    void everyBusinessExceptionCodeHasTextInBothLanguages() throws Exception {
        List<String> codes = allCodes();
        assertTrue(codes.size() >= 30, "found only " + codes);
        codes.addAll(invalidPollCodesUsedByTheServices());
        for (Locale locale : List.of(Locale.KOREAN, Locale.ENGLISH)) {
            Set<String> keys = bundle(locale).keySet();
            for (String code : codes) {
                assertTrue(keys.contains(code + ".title"), locale + " lacks " + code + ".title");
                assertTrue(keys.contains(code + ".detail"), locale + " lacks " + code + ".detail");
            }
        }
    }

    @Test
    void everyMessageFormatsWithArgumentsAndKeepsNoStrayQuotes() {
        Object[] args = {42L, 7L, 3, 5};
        for (Locale locale : List.of(Locale.KOREAN, Locale.ENGLISH)) {
            for (String key : bundle(locale).keySet()) {
                String text = ProblemResponses.text(locale, key, args);
                assertFalse(text.isBlank(), key);
                assertFalse(text.contains("{") || text.contains("}"), locale + " " + key + " left a placeholder: " + text);
            }
        }
        assertTrue(ProblemResponses.text(Locale.ENGLISH, "results-not-visible.detail", new Object[] {"LIVE"}).contains("poll's"));
    }

    /** Instantiates every concrete BusinessException in mvoting-api with each enum reason it accepts. */
    private static List<String> allCodes() throws IOException, URISyntaxException, ReflectiveOperationException {
        List<String> codes = new ArrayList<>();
        for (String name : errorClassNames()) {
            Class<?> type = Class.forName(name);
            if (!BusinessException.class.isAssignableFrom(type) || Modifier.isAbstract(type.getModifiers())) {
                continue;
            }
            for (Constructor<?> constructor : type.getConstructors()) {
                Class<?>[] parameters = constructor.getParameterTypes();
                if (parameters.length == 1 && parameters[0] == boolean.class) {
                    codes.add(((BusinessException) constructor.newInstance(true)).code());
                    codes.add(((BusinessException) constructor.newInstance(false)).code());
                } else if (parameters.length > 0 && parameters[0].isEnum()) {
                    for (Object reason : parameters[0].getEnumConstants()) {
                        codes.add(((BusinessException) constructor.newInstance(arguments(parameters, reason))).code());
                    }
                } else if (parameters.length > 0 && parameters[0] == String.class && (name.endsWith("InvalidPollException")
                        || name.endsWith("StaffPermissionException") || name.endsWith(".NotFoundException")
                        || name.endsWith("InvalidProfileException") || name.endsWith("InvalidSampleDesignException"))) {
                    continue; // reasons are free text; covered by the codes the sources use, below
                } else if (name.endsWith("TooManyRequestsException")) {
                    codes.add(((BusinessException) constructor.newInstance("resend", 1L)).code());
                    codes.add(((BusinessException) constructor.newInstance("hourly", 1L)).code());
                    for (String limit : List.of("device-ballots", "citizen-polls", "poll-password-guesses", "citizen-invitations",
                            "codes-per-address", "sms-budget")) {
                        codes.add(((BusinessException) constructor.newInstance(limit, 1L)).code());
                    }
                } else {
                    codes.add(((BusinessException) constructor.newInstance(arguments(parameters, null))).code());
                }
            }
        }
        return codes;
    }

    /** InvalidPollException takes its reason as text: collect the reasons the EJB sources actually use. */
    private static List<String> invalidPollCodesUsedByTheServices() throws IOException {
        Path sources = Path.of("..", "mvoting-ejb", "src", "main", "java");
        java.util.regex.Pattern use = java.util.regex.Pattern.compile(
                "new (InvalidPoll|StaffPermission|NotFound|InvalidProfile|InvalidSampleDesign)Exception\\(\"([a-z-]+)\"");
        List<String> codes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                java.util.regex.Matcher m = use.matcher(Files.readString(file));
                while (m.find()) {
                    codes.add(switch (m.group(1)) {
                        case "InvalidPoll" -> "poll-" + m.group(2);
                        case "StaffPermission" -> "staff-" + m.group(2);
                        case "InvalidProfile" -> "profile-" + m.group(2);
                        case "InvalidSampleDesign" -> "sample-design-" + m.group(2);
                        default -> m.group(2);
                    });
                }
            }
        }
        assertTrue(codes.size() >= 10, "found only " + codes);
        return codes;
    }

    private static Object[] arguments(Class<?>[] parameters, Object first) {
        Object[] values = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            Class<?> p = parameters[i];
            values[i] = i == 0 && first != null ? first
                    : p == int.class ? 1 : p == long.class ? 1L : p == String.class ? "x"
                    : p == Object[].class ? new Object[0] : p == List.class ? List.of() : "x";
        }
        return values;
    }

    private static List<String> errorClassNames() throws IOException, URISyntaxException {
        Path location = Path.of(BusinessException.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String prefix = "org/mvoting/api/errors/";
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location.resolve(prefix))) {
                files.map(p -> location.relativize(p).toString().replace('\\', '/'))
                        .filter(n -> n.endsWith(".class") && !n.contains("$"))
                        .forEach(n -> names.add(n.replace('/', '.').replace(".class", "")));
            }
        } else {
            try (ZipFile jar = new ZipFile(location.toFile())) {
                jar.stream().map(e -> e.getName())
                        .filter(n -> n.startsWith(prefix) && n.endsWith(".class") && !n.contains("$"))
                        .forEach(n -> names.add(n.replace('/', '.').replace(".class", "")));
            }
        }
        return names;
    }
}
