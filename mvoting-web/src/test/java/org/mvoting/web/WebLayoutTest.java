package org.mvoting.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The web tier's layout rules (docs/architecture.md), read off the sources: the mobile web in small modules with one
 * copy of each shared helper, the portal's refusals left to its one exception handler, and the city's clock read from
 * one setting, never a zone written into the code.
 */
class WebLayoutTest {

    private static final Path MOBILE = Path.of("src", "main", "webapp", "m");
    private static final Path JAVA = Path.of("src", "main", "java", "org", "mvoting", "web");
    private static final int LONGEST_MODULE = 600;

    private static List<Path> files(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(suffix)).toList();
        }
    }

    @Test
    void noMobileModuleIsLongerThanSixHundredLines() throws IOException {
        List<Path> modules = files(MOBILE, ".js");
        assertTrue(modules.size() > 15, "the modules are found");
        for (Path module : modules) {
            long lines = Files.readAllLines(module).size();
            assertTrue(lines <= LONGEST_MODULE, () -> module + " has " + lines + " lines");
        }
    }

    @Test
    void eachSharedMobileHelperIsDefinedOnceAndOnlyWhereItBelongs() throws IOException {
        // helper → the one module that may define it
        List<List<String>> helpers = List.of(List.of("h", "dom.js"), List.of("say", "dom.js"), List.of("sayLine", "dom.js"),
                List.of("pageHead", "dom.js"), List.of("signedInView", "router.js"), List.of("startTexts", "texts.js"));
        for (List<String> helper : helpers) {
            Pattern definition = Pattern.compile("function\\s+" + helper.get(0) + "\\s*\\(|const\\s+" + helper.get(0) + "\\s*=");
            List<String> definedIn = new java.util.ArrayList<>();
            for (Path module : files(MOBILE, ".js")) {
                Matcher m = definition.matcher(Files.readString(module));
                while (m.find()) {
                    definedIn.add(MOBILE.relativize(module).toString());
                }
            }
            assertEquals(List.of(helper.get(1)), definedIn, helper.get(0) + " is defined in");
        }
    }

    @Test
    void noBackingBeanCatchesARefusalJustToShowIt() throws IOException {
        Pattern repeated = Pattern.compile("catch \\(RuntimeException \\w+\\) \\{\\s*PortalMessages\\.add\\(");
        for (Path source : files(JAVA, ".java")) {
            assertTrue(!repeated.matcher(Files.readString(source)).find(),
                    () -> source + " catches a refusal to show it: PortalExceptionHandler does that for every action");
        }
    }

    @Test
    void theCitysClockComesFromTheSettingNotFromAZoneWrittenIntoTheCode() throws IOException {
        Pattern written = Pattern.compile("ZoneId\\.of\\(\"|System\\.getenv\\(\"MVOTING_|getProperty\\(\"mvoting\\.");
        for (Path source : files(JAVA, ".java")) {
            String text = Files.readString(source);
            Matcher m = written.matcher(text);
            while (m.find()) {
                // the one zone allowed: the one the bundles' labels name as written, to tell another zone from it
                boolean labelledZone = text.startsWith("Asia/Seoul\")", m.end()) && source.endsWith("PortalTime.java");
                assertTrue(labelledZone, () -> source + " reads a zone or a setting of its own: use CitySettings");
            }
        }
    }
}
