package org.mvoting.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mvoting.api.events.QuestionState;
import org.mvoting.api.events.Registration;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.polls.ResultsVisibility;

/**
 * The portal's texts: Korean and English have the same keys, none is empty, and every key a page or a
 * backing bean asks for exists (a missing one would show as ???key??? on the page).
 */
class PortalBundlesTest {

    private static final Path WEBAPP = Path.of("src", "main", "webapp");
    private static final Path SOURCES = Path.of("src", "main", "java", "org", "mvoting", "web");
    /** #{msg['key']} and #{msg.key} with a literal key; dynamic keys ('status.' += x) are checked per enum below. */
    private static final Pattern PAGE_KEY = Pattern.compile("msg\\['([A-Za-z0-9_.-]+)'\\]|msg\\.([A-Za-z][A-Za-z0-9_]*)");
    private static final Pattern DYNAMIC_KEY = Pattern.compile("msg\\['([A-Za-z]+\\.)'\\s*\\+=");
    /** Keys that backing beans pass to PortalMessages.info/error and PortalText.text. */
    private static final Pattern JAVA_KEY = Pattern.compile(
            "(?:info|error|text)\\((?:(?:null|\"[^\"]*\"|[\\w.]+(?:\\(\\))?)\\s*,\\s*)?\"([a-z][A-Za-z]*(?:\\.[A-Za-z]+)+)\"");
    private static final Pattern JAVA_PROBLEM = Pattern.compile("problem(?:Detail)?\\([^\"]*\"([a-z][a-z-]+)\"");

    private static ResourceBundle bundle(Locale locale) {
        return PortalText.portal(locale);
    }

    @Test
    void koreanIsTheBaseBundleAndEnglishHasExactlyTheSameKeys() {
        ResourceBundle ko = bundle(Locale.KOREAN);
        ResourceBundle en = bundle(Locale.ENGLISH);
        assertEquals(Locale.ROOT, ko.getLocale(), "Korean lives in portal.properties");
        assertEquals(Locale.ENGLISH, en.getLocale());
        assertEquals(new TreeSet<>(ko.keySet()), new TreeSet<>(en.keySet()));
        assertNotEquals(ko.getString("login.submit"), en.getString("login.submit"));
        assertEquals("포털 ID", ko.getString("login.id"));
    }

    @Test
    void noValueIsEmptyAndNoneHasAnApostropheMessageFormatWouldSwallow() {
        for (Locale locale : List.of(Locale.KOREAN, Locale.ENGLISH)) {
            ResourceBundle b = bundle(locale);
            for (String key : b.keySet()) {
                String value = b.getString(key);
                assertFalse(value.isBlank(), locale + " " + key + " is empty");
                assertFalse(value.contains("'"), locale + " " + key + " has an apostrophe: " + value);
            }
        }
    }

    @Test
    void everyKeyThePagesUseExists() throws IOException {
        Set<String> keys = bundle(Locale.KOREAN).keySet();
        List<String> missing = new ArrayList<>();
        int used = 0;
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            for (Path page : files.filter(f -> f.toString().endsWith(".xhtml")).toList()) {
                String text = Files.readString(page);
                Matcher m = PAGE_KEY.matcher(text);
                while (m.find()) {
                    String key = m.group(1) != null ? m.group(1) : m.group(2);
                    used++;
                    if (!keys.contains(key)) {
                        missing.add(WEBAPP.relativize(page) + ": " + key);
                    }
                }
                Matcher dynamic = DYNAMIC_KEY.matcher(text);
                while (dynamic.find()) {
                    assertTrue(ENUM_PREFIXES.contains(dynamic.group(1)),
                            page + " builds keys from " + dynamic.group(1) + " which this test does not check");
                }
            }
        }
        assertTrue(used > 100, "found only " + used + " keys in the pages");
        assertEquals(List.of(), missing);
    }

    private static final Set<String> ENUM_PREFIXES = Set.of("status.", "kind.", "qtype.", "audience.", "assurance.",
            "visibility.", "syncStatus.", "questionState.", "registrationStatus.", "dashboard.sms.reason.");

    @Test
    void everyEnumValueShownOnAPageHasItsText() {
        Set<String> keys = bundle(Locale.ENGLISH).keySet();
        List<String> expected = new ArrayList<>();
        Stream.of(PollStatus.values()).forEach(v -> expected.add("status." + v));
        Stream.of(PollKind.values()).forEach(v -> expected.add("kind." + v));
        Stream.of(QuestionType.values()).forEach(v -> expected.add("qtype." + v));
        Stream.of(AudienceType.values()).forEach(v -> expected.add("audience." + v));
        Stream.of(AssuranceLevel.values()).forEach(v -> expected.add("assurance." + v));
        Stream.of(ResultsVisibility.values()).forEach(v -> expected.add("visibility." + v));
        Stream.of(QuestionState.values()).forEach(v -> expected.add("questionState." + v));
        Stream.of(Registration.Status.values()).forEach(v -> expected.add("registrationStatus." + v));
        Stream.of(org.mvoting.api.messaging.SmsRefusalReason.values()).forEach(v -> expected.add("dashboard.sms.reason." + v));
        Stream.of(org.mvoting.api.samples.SampleDesignKind.values()).forEach(v -> expected.add("sample.kind." + v));
        // DirectorySyncRun.Status in mvoting-ejb, shown as text by the directory page.
        Stream.of("RUNNING", "SUCCEEDED", "FAILED").forEach(v -> expected.add("syncStatus." + v));
        assertEquals(List.of(), expected.stream().filter(k -> !keys.contains(k)).toList());
    }

    @Test
    void everyKeyAndProblemCodeTheBackingBeansUseExists() throws IOException {
        Set<String> keys = bundle(Locale.KOREAN).keySet();
        Set<String> problems = PortalText.problems(Locale.KOREAN).keySet();
        List<String> missing = new ArrayList<>();
        int used = 0;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path source : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                Matcher m = JAVA_KEY.matcher(text);
                while (m.find()) {
                    used++;
                    if (!keys.contains(m.group(1))) {
                        missing.add(source.getFileName() + ": " + m.group(1));
                    }
                }
                Matcher p = JAVA_PROBLEM.matcher(text);
                while (p.find()) {
                    used++;
                    if (!problems.contains(p.group(1) + ".detail")) {
                        missing.add(source.getFileName() + ": problem " + p.group(1));
                    }
                }
            }
        }
        assertTrue(used > 20, "found only " + used);
        assertEquals(List.of(), missing);
    }

    @Test
    void thePagesBundleAnswersInTheRequestedLanguageWhateverTheJvmLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertEquals("로그인", PortalText.text(Locale.KOREAN, "login.submit"));
            assertEquals("Sign in", PortalText.text(Locale.ENGLISH, "login.submit"));
            assertEquals("로그인", PortalText.text(Locale.JAPANESE, "login.submit"), "unsupported → Korean");
            assertEquals("질문 3", PortalText.text(Locale.KOREAN, "edit.question", 3));
        } finally {
            Locale.setDefault(before);
        }
    }
}
