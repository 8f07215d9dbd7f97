package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core (the WebJar org.webjars.npm:axe-core, a test dependency) run on the page a browser test is looking at:
 * the WCAG 2.0/2.1 A and AA rules, which are what KWCAG 2.2 is derived from (docs/accessibility.md). Any violation
 * of impact serious or critical fails the test, naming the rule, its impact and the elements.
 */
final class Accessibility {

    /** The rule sets run: WCAG 2.0 and 2.1, levels A and AA (KWCAG 2.2 asks for both levels). */
    static final List<String> TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    /** The impacts that fail a test; minor and moderate ones are reported on standard error only. */
    static final List<String> FAILING = List.of("serious", "critical");

    /**
     * Rules switched off, each with the reason. Kept tiny: a page that breaks a rule is fixed, not excused.
     */
    static final Map<String, String> DISABLED = Map.of();

    /**
     * Narrower than DISABLED: a rule's findings inside these elements only (CSS selector) are not counted, each with
     * the reason. PrimeFaces 15's p:messages (MessagesRenderer) writes each message as {@code <li role="alert">} in
     * its {@code <ul>}: the role replaces the list item's, so axe's "list" sees a list without items. The role is what
     * makes screen readers announce the message at once, and the markup is the renderer's, not ours.
     */
    static final Map<String, String> EXCUSED = Map.of("list", ".ui-messages ul");

    private static final String AXE = load();

    private Accessibility() {
    }

    /**
     * Runs axe on what the browser shows now and fails on a serious or critical violation. pageName names the page
     * in the failure message (the document's language is added to it).
     */
    static void check(WebDriver browser, String pageName) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object';"))) {
            // evaluated by the driver (DevTools), not loaded as a page script: the page's Content-Security-Policy
            // does not apply to it, and nothing is added to what the server sends
            js.executeScript(AXE);
        }
        StringBuilder rules = new StringBuilder("{");
        DISABLED.keySet().forEach(id -> rules.append(rules.length() > 1 ? "," : "").append('"').append(id)
                .append("\":{\"enabled\":false}"));
        rules.append('}');
        StringBuilder excused = new StringBuilder("{");
        EXCUSED.forEach((id, selector) -> excused.append(excused.length() > 1 ? "," : "").append('"').append(id)
                .append("\":\"").append(selector).append('"'));
        excused.append('}');
        String tags = TAGS.stream().map(tag -> '"' + tag + '"').reduce((a, b) -> a + "," + b).orElseThrow();
        Object answer = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "const excused = " + excused + ";"
                + "axe.run(document, {runOnly: {type: 'tag', values: [" + tags + "]}, rules: " + rules
                + ", resultTypes: ['violations'], elementRef: true})"
                + ".then(r => done(JSON.stringify({lang: document.documentElement.lang, url: location.href,"
                + " violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.filter(n => !(excused[v.id] && n.element && n.element.closest(excused[v.id])))}))"
                + ".filter(v => v.nodes.length > 0).map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " targets: v.nodes.map(n => n.target.join(' ') + (n.failureSummary ? ' — ' + n.failureSummary.replace(/\\s+/g, ' ') : ''))}))})))"
                + ".catch(e => done(JSON.stringify({error: String(e)})));");
        JsonObject result;
        try (JsonReader reader = Json.createReader(new StringReader(String.valueOf(answer)))) {
            result = reader.readObject();
        }
        assertTrue(!result.containsKey("error"), () -> "axe could not run on " + pageName + ": " + result.getString("error"));
        String where = pageName + " [" + result.getString("lang", "?") + "] " + result.getString("url", "");
        List<String> failing = new ArrayList<>();
        for (JsonValue value : result.getJsonArray("violations")) {
            JsonObject violation = value.asJsonObject();
            String line = violation.getString("id") + " (" + violation.getString("impact", "?") + "): "
                    + violation.getString("help") + "\n      " + String.join("\n      ", strings(violation.getJsonArray("targets")));
            if (FAILING.contains(violation.getString("impact", ""))) {
                failing.add(line);
            } else {
                System.err.println("accessibility (not failing) on " + where + ": " + line);
            }
        }
        assertEquals(List.of(), failing, () -> "accessibility violations on " + where + ":\n  " + String.join("\n  ", failing));
    }

    private static List<String> strings(JsonArray array) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            out.add(array.getString(i));
        }
        return out;
    }

    /** axe.min.js from the WebJar on the test class path; its version from the WebJar's own pom.properties. */
    private static String load() {
        ClassLoader loader = Accessibility.class.getClassLoader();
        try (InputStream pom = loader.getResourceAsStream("META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            if (pom == null) {
                throw new IllegalStateException("the axe-core WebJar is not on the test class path");
            }
            Properties properties = new Properties();
            properties.load(pom);
            String path = "META-INF/resources/webjars/axe-core/" + properties.getProperty("version") + "/axe.min.js";
            try (InputStream script = loader.getResourceAsStream(path)) {
                if (script == null) {
                    throw new IllegalStateException("no " + path + " in the axe-core WebJar");
                }
                return new String(script.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
