package org.mvoting.web.rest;

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
import org.junit.jupiter.api.Test;

/** What can be checked of /api-docs/ without a browser (MobileBrowserIT renders it). */
class ApiDocsPageTest {

    private static final Path PAGE = Path.of("src", "main", "webapp", "api-docs", "index.html");
    private static final Pattern WEBJAR = Pattern.compile("\\.\\./webjars/([^\"]+)\"");
    private static final Pattern SCRIPT = Pattern.compile("<script([^>]*)>");

    /** The WebJar's version is part of the path: a version bump without a page change would 404. */
    @Test
    void whatThePageLoadsFromTheWebJarIsInIt() throws IOException {
        List<String> files = new ArrayList<>();
        Matcher m = WEBJAR.matcher(Files.readString(PAGE));
        while (m.find()) {
            files.add(m.group(1));
        }
        assertEquals(2, files.size(), files.toString());
        for (String file : files) {
            assertNotNull(getClass().getClassLoader().getResource("META-INF/resources/webjars/" + file), file);
        }
    }

    /** The site's CSP allows no inline script: every script is a file. */
    @Test
    void everyScriptIsAFileAndTheInitializerReadsTheJsonDocument() throws IOException {
        Matcher m = SCRIPT.matcher(Files.readString(PAGE));
        int scripts = 0;
        while (m.find()) {
            scripts++;
            assertTrue(m.group(1).contains(" src=\""), m.group());
        }
        assertEquals(2, scripts);
        assertTrue(Files.readString(PAGE.resolveSibling("api-docs.js")).contains("'../api/v1/openapi.json'"));
    }
}
