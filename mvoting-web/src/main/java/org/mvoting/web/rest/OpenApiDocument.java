package org.mvoting.web.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * The OpenAPI document of this API: one source, {@code openapi.yaml} beside the resources, served as written and as
 * JSON (for tools that read only JSON, and for Swagger UI at /api-docs/). The JSON is made once, at deployment, so a
 * document that does not parse stops the deployment rather than the first integrator who asks.
 */
@ApplicationScoped
public class OpenApiDocument {

    static final String SOURCE = "/org/mvoting/web/rest/openapi.yaml";

    private final String yaml = read();
    private volatile String json;

    /** At deployment: the conversion happens now. */
    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object context) {
        json();
    }

    /** The document as written. */
    public String yaml() {
        return yaml;
    }

    /** The same document as JSON. */
    public String json() {
        String converted = json;
        if (converted == null) {
            converted = toJson(parse(yaml)).toString();
            json = converted;
        }
        return converted;
    }

    /**
     * The YAML read as JSON's data model. Only JSON's scalars are recognised (strings, numbers, true/false, null):
     * YAML 1.1's dates and yes/no/on/off would otherwise turn an example such as 2026-11-03 into a timestamp and a
     * word such as "no" into false. Only plain data: no tags, no objects.
     */
    static Object parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // a path written twice is a mistake, not "the last one wins"
        return new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()), new DumperOptions(),
                options, new JsonScalars()).load(yaml);
    }

    /** A value {@link #parse} gave, as JSON. */
    static JsonValue toJson(Object value) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof Map<?, ?> map) {
            JsonObjectBuilder object = Json.createObjectBuilder();
            map.forEach((key, member) -> object.add(String.valueOf(key), toJson(member)));
            return object.build();
        }
        if (value instanceof List<?> list) {
            JsonArrayBuilder array = Json.createArrayBuilder();
            list.forEach(item -> array.add(toJson(item)));
            return array.build();
        }
        if (value instanceof Boolean flag) {
            return flag ? JsonValue.TRUE : JsonValue.FALSE;
        }
        if (value instanceof Integer || value instanceof Long) {
            return Json.createValue(((Number) value).longValue());
        }
        if (value instanceof BigInteger big) {
            return Json.createValue(big);
        }
        if (value instanceof Double number) {
            return Json.createValue(BigDecimal.valueOf(number));
        }
        if (value instanceof String text) {
            return Json.createValue(text);
        }
        throw new IllegalArgumentException("not a JSON value in openapi.yaml: " + value.getClass().getName());
    }

    private static String read() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(SOURCE)) {
            if (in == null) {
                throw new IllegalStateException(SOURCE + " is missing from the WAR");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** YAML 1.1's implicit types less timestamps and the yes/no/on/off booleans. */
    private static final class JsonScalars extends Resolver {

        private static final Pattern TRUE_OR_FALSE = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, TRUE_OR_FALSE, "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
