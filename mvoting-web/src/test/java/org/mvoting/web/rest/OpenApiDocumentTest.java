package org.mvoting.web.rest;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The served OpenAPI document describes every resource method that exists (path and HTTP method). */
class OpenApiDocumentTest {

    /** The resources listed by hand when this test was written; every @Path class of the package must be among them. */
    private static final List<Class<?>> RESOURCES =
            List.of(PollsResource.class, AuthResource.class, AdminPollsResource.class, FeaturedPollResource.class,
                    StaffDirectoryResource.class, AuditResource.class, LocalInboxResource.class, OpenApiResource.class,
                    OpenApiJsonResource.class,
                    MeResource.class, TextsResource.class,
                    CitizenPollsResource.class, ModerationResource.class, SummariesResource.class,
                    EventsResource.class, AdminEventsResource.class, AdminEventQuestionsResource.class,
                    AdminPanelResource.class, AdminCensusResource.class, AdminMileageResource.class,
                    AdminPolicyCycleResource.class, PolicyCycleResource.class, BallotQuarantineResource.class,
                    SmsGuardResource.class, MyPollsResource.class);

    /**
     * A resource added later and forgotten in {@link #RESOURCES} would go unchecked: the compiled package is listed
     * and every root resource (a class annotated with @Path) must be in the list.
     */
    @Test
    void everyRootResourceOfThePackageIsChecked() throws Exception {
        // the main classes' folder (the test classes of the same package sit in another one)
        java.net.URL classes = PollsResource.class.getProtectionDomain().getCodeSource().getLocation();
        java.nio.file.Path folder = java.nio.file.Path.of(classes.toURI()).resolve("org/mvoting/web/rest");
        assertTrue(java.nio.file.Files.isDirectory(folder), "the compiled resources are a folder: " + folder);
        List<String> unchecked = new ArrayList<>();
        int roots = 0;
        try (var files = java.nio.file.Files.list(folder)) {
            for (java.nio.file.Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.endsWith(".class") || name.contains("$")) {
                    continue;
                }
                Class<?> type = Class.forName("org.mvoting.web.rest." + name.substring(0, name.length() - 6), false,
                        OpenApiDocumentTest.class.getClassLoader());
                if (type.isAnnotationPresent(Path.class)) {
                    roots++;
                    if (!RESOURCES.contains(type)) {
                        unchecked.add(type.getSimpleName());
                    }
                }
            }
        }
        assertTrue(roots >= RESOURCES.size(), "found " + roots + " root resources");
        assertTrue(unchecked.isEmpty(), "add to RESOURCES (and document in openapi.yaml): " + unchecked);
    }

    @Test
    void everyResourceMethodIsDocumented() throws IOException {
        String document;
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> missing = new ArrayList<>();
        for (Class<?> resource : RESOURCES) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String verb = m.isAnnotationPresent(GET.class) ? "get" : m.isAnnotationPresent(POST.class) ? "post"
                        : m.isAnnotationPresent(PUT.class) ? "put" : m.isAnnotationPresent(DELETE.class) ? "delete" : null;
                if (verb == null) {
                    continue;
                }
                Path sub = m.getAnnotation(Path.class);
                String path = (base + (sub == null ? "" : "/" + sub.value())).replaceAll("/+", "/").replaceAll("/$", "");
                String section = section(document, path);
                if (section == null || !section.contains("\n    " + verb + ":")) {
                    missing.add(verb.toUpperCase() + " " + path);
                }
            }
        }
        assertTrue(missing.isEmpty(), "not in openapi.yaml: " + missing);
    }

    /** The text under "  <path>:" up to the next path entry, or null. */
    @Test
    void everyIdempotencyKeyIsDocumentedAsTheServerChecksIt() throws IOException {
        String document;
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream(OpenApiResource.DOCUMENT)) {
            document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> keys = document.lines().filter(line -> line.contains("name: Idempotency-Key")).toList();
        assertTrue(keys.size() >= 2, "the ballot endpoints are found");
        for (String key : keys) {
            assertTrue(key.contains("pattern: \"^" + org.mvoting.api.ballots.BallotBox.IDEMPOTENCY_KEY_FORMAT + "$\""), key);
            assertTrue(key.contains("at least " + org.mvoting.api.ballots.BallotBox.IDEMPOTENCY_KEY_DISTINCT_CHARACTERS
                    + " different"), key);
        }
    }

    private static String section(String document, String path) {
        String header = "\n  " + path + ":\n";
        int start = document.indexOf(header);
        if (start < 0) {
            return null;
        }
        int from = start + header.length() - 1;
        int next = document.indexOf("\n  /", from);
        return document.substring(from, next < 0 ? document.length() : next);
    }
}
