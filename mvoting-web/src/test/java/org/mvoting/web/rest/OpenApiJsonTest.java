package org.mvoting.web.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** /api/v1/openapi.json says exactly what openapi.yaml says, read by a YAML parser of its own. */
class OpenApiJsonTest {

    private final OpenApiDocument document = new OpenApiDocument();

    @Test
    void theJsonIsTheYamlParsed() {
        Object yaml = new Yaml(new SafeConstructor(new LoaderOptions())).load(document.yaml());
        Object json = plain(read(document.json()));
        assertEquals(yaml, json);
    }

    @Test
    void theJsonIsAnOpenApiDocumentWithEveryPathOfTheYaml() {
        JsonObject json = read(document.json()).asJsonObject();
        assertEquals("3.1.0", json.getString("openapi"));
        assertEquals("1", json.getJsonObject("info").getString("version"), "a quoted number stays a string");
        assertEquals("/api/v1", json.getJsonArray("servers").getJsonObject(0).getString("url"));
        Set<String> yamlPaths = document.yaml().lines().filter(line -> line.matches("^  /\\S*:$"))
                .map(line -> line.substring(2, line.length() - 1)).collect(Collectors.toCollection(TreeSet::new));
        assertTrue(yamlPaths.size() > 50, "paths found: " + yamlPaths.size());
        assertEquals(yamlPaths, new TreeSet<>(json.getJsonObject("paths").keySet()));
        assertTrue(json.getJsonObject("paths").getJsonObject("/openapi.json").containsKey("get"));
    }

    @Test
    void datesAndYesNoWordsStayTextAndNumbersStayNumbers() {
        JsonObject json = OpenApiDocument.toJson(OpenApiDocument.parse(
                "day: 2026-11-03\nanswer: no\nswitch: on\nflag: true\ncount: 64\nshare: 0.5\nnothing: ~\n"))
                .asJsonObject();
        assertEquals("2026-11-03", json.getString("day"));
        assertEquals("no", json.getString("answer"));
        assertEquals("on", json.getString("switch"));
        assertEquals(JsonValue.TRUE, json.get("flag"));
        assertEquals(64, json.getInt("count"));
        assertEquals(0.5, json.getJsonNumber("share").doubleValue());
        assertEquals(JsonValue.NULL, json.get("nothing"));
    }

    @Test
    void aPathWrittenTwiceOrAnObjectTagIsRefused() {
        assertThrows(RuntimeException.class, () -> OpenApiDocument.parse("paths:\n  /a: {}\n  /a: {}\n"));
        assertThrows(RuntimeException.class, () -> OpenApiDocument.parse("x: !!java.io.File [\"/etc/passwd\"]\n"));
    }

    private static JsonValue read(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    /** JSON back to the plain Java values a YAML parser gives, to compare the two. */
    private static Object plain(JsonValue value) {
        switch (value.getValueType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                value.asJsonObject().forEach((key, member) -> map.put(key, plain(member)));
                return map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>();
                ((JsonArray) value).forEach(item -> list.add(plain(item)));
                return list;
            }
            case STRING -> {
                return ((JsonString) value).getString();
            }
            case NUMBER -> {
                JsonNumber number = (JsonNumber) value;
                return number.isIntegral() ? (Object) number.intValueExact() : (Object) number.doubleValue();
            }
            case TRUE -> {
                return Boolean.TRUE;
            }
            case FALSE -> {
                return Boolean.FALSE;
            }
            default -> {
                return null;
            }
        }
    }
}
