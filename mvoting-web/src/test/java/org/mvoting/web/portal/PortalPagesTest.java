package org.mvoting.web.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** What can be checked of the Facelets pages without a server: they parse, and what they load exists. */
class PortalPagesTest {

    private static final Path WEBAPP = Path.of("src", "main", "webapp");
    private static final Pattern WEBJAR = Pattern.compile("/webjars/([^\"]+\\.js)");

    private static List<Path> pages() throws IOException {
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            return files.filter(f -> f.toString().endsWith(".xhtml")).toList();
        }
    }

    @Test
    void everyPageIsWellFormedXml() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // The HTML5 doctype names no DTD; nothing is fetched.
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        List<Path> pages = pages();
        for (Path page : pages) {
            factory.newDocumentBuilder().parse(page.toFile());
        }
        assertTrue(pages.size() >= 11, "found only " + pages);
    }

    /** The WebJar's version is part of the script's path: a version bump without a page change would 404. */
    @Test
    void theChartScriptThePagesLoadIsInTheWebJar() throws IOException {
        List<String> scripts = new ArrayList<>();
        for (Path page : pages()) {
            Matcher m = WEBJAR.matcher(Files.readString(page));
            while (m.find()) {
                scripts.add(m.group(1));
            }
        }
        assertEquals(List.of("chart.js/4.5.1/dist/chart.umd.min.js"), scripts);
        for (String script : scripts) {
            assertNotNull(getClass().getClassLoader().getResource("META-INF/resources/webjars/" + script), script);
        }
    }
}
