package org.mvoting.web.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The report labels exist in Korean (the default) and English, with the same keys, and cover the code. */
class ReportBundlesTest {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(ReportText.BUNDLE, locale, NO_FALLBACK);
    }

    @Test
    void koreanIsTheDefaultAndEnglishHasExactlyTheSameKeys() {
        ResourceBundle ko = bundle(Locale.KOREAN);
        ResourceBundle en = bundle(Locale.ENGLISH);
        assertEquals(Locale.ROOT, ko.getLocale(), "Korean lives in the base bundle");
        assertEquals(Locale.ENGLISH, en.getLocale());
        assertEquals(new TreeSet<>(ko.keySet()), new TreeSet<>(en.keySet()));
        for (String key : ko.keySet()) {
            assertFalse(ko.getString(key).isBlank(), key);
            assertFalse(en.getString(key).isBlank(), key);
            if (!key.equals("format.period")) {
                assertNotEquals(ko.getString(key), en.getString(key), "untranslated: " + key);
            }
        }
        assertTrue(ko.getString("format.period").contains("{0}") && ko.getString("format.period").contains("{1}"));
        assertTrue(en.getString("format.period").contains("{0}") && en.getString("format.period").contains("{1}"));
    }

    @Test
    void everyKeyTheWritersUseIsInTheBundle() throws Exception {
        Pattern literal = Pattern.compile("\"((?:report|field|status|verified|value|format|column|audit\\.column|sheet)\\.[A-Za-z.]+)\"");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "org", "mvoting", "web", "reports"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() >= 30, "found only " + used);
        Set<String> keys = bundle(Locale.KOREAN).keySet();
        for (String key : used) {
            assertTrue(keys.contains(key), "missing in the bundles: " + key);
        }
    }
}
