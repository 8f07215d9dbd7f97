package org.mvoting.web.rest;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.mvoting.api.errors.JsonTypeException;

/**
 * JSON-B binds leniently: {@code "optionIds": ["41"]} became the number 41, {@code "phone": 1012345678} the text
 * "1012345678", {@code "replace": "true"} a boolean. The API is strict instead: before a JSON body is bound, its
 * tree is checked against the request record's types, and a string where a number is expected (or a number where
 * text is, a string or number where a boolean is, an object where a list is, ...) is a 400 problem
 * ({@code json-wrong-type}) naming the field, e.g. {@code answers[0].optionIds[0]}. A null passes (Bean
 * Validation reports a missing value), unknown fields are ignored as before, and a body that is not JSON at
 * all is left to the binding (400 {@code malformed-json}).
 */
@Provider
public class StrictJsonTypes implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!checked(context.getMediaType(), context.getType())) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        JsonValue tree = read(body);
        if (tree != null) {
            check(tree, context.getGenericType(), "");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /**
     * The body's JSON tree, or null when it is not JSON (the binding reports it as malformed JSON). Parsson refuses
     * nesting deeper than 1000 with a bare RuntimeException, which would have been a 500 incident; it is a 400
     * {@code malformed-json} (MalformedRequestMapper) instead. Found by BallotJsonFuzzTest.
     */
    static JsonValue read(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            return reader.readValue();
        } catch (JsonException | IllegalStateException notJson) {
            return null;
        } catch (RuntimeException tooDeep) {
            throw new ProcessingException("JSON nested too deeply");
        }
    }

    private static boolean checked(MediaType type, Class<?> target) {
        return type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                && !target.isPrimitive() && target != String.class && target != byte[].class
                && !InputStream.class.isAssignableFrom(target) && !JsonValue.class.isAssignableFrom(target);
    }

    /** Throws {@link JsonTypeException} at the first value whose JSON type does not fit the Java type. */
    static void check(JsonValue value, Type type, String path) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == null || raw == Object.class || JsonValue.class.isAssignableFrom(raw)) {
            return;
        }
        JsonValue.ValueType actual = value.getValueType();
        if (raw == boolean.class || raw == Boolean.class) {
            expect(actual == JsonValue.ValueType.TRUE || actual == JsonValue.ValueType.FALSE, path, "boolean");
        } else if (isNumber(raw)) {
            expect(actual == JsonValue.ValueType.NUMBER, path, "number");
        } else if (isText(raw)) {
            expect(actual == JsonValue.ValueType.STRING, path, "string");
        } else if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
            expect(actual == JsonValue.ValueType.ARRAY, path, "array");
            Type element = raw.isArray() ? elementOfArray(type, raw) : argument(type, 0);
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                check(array.get(i), element, path + "[" + i + "]");
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            expect(actual == JsonValue.ValueType.OBJECT, path, "object");
            Type element = argument(type, 1);
            value.asJsonObject().forEach((name, v) -> check(v, element, join(path, name)));
        } else {
            expect(actual == JsonValue.ValueType.OBJECT, path, "object");
            checkProperties(value.asJsonObject(), raw, path);
        }
    }

    private static void checkProperties(JsonObject object, Class<?> raw, String path) {
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                check(object.get(component.getName()), component.getGenericType(), join(path, component.getName()));
            }
            return;
        }
        for (Class<?> c = raw; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers()) && !Modifier.isTransient(field.getModifiers())) {
                    check(object.get(field.getName()), field.getGenericType(), join(path, field.getName()));
                }
            }
        }
    }

    private static boolean isNumber(Class<?> raw) {
        return raw == int.class || raw == long.class || raw == short.class || raw == byte.class
                || raw == double.class || raw == float.class || Number.class.isAssignableFrom(raw)
                || raw == BigDecimal.class || raw == BigInteger.class;
    }

    /** Types JSON-B reads from a JSON string: text, enums, dates and times, ids. */
    private static boolean isText(Class<?> raw) {
        return raw == String.class || raw == char.class || raw == Character.class || raw.isEnum()
                || Temporal.class.isAssignableFrom(raw) || TemporalAmount.class.isAssignableFrom(raw)
                || raw == UUID.class || java.time.ZoneId.class.isAssignableFrom(raw) || raw == java.net.URI.class
                || raw == java.net.URL.class || java.util.Date.class.isAssignableFrom(raw)
                || java.util.Calendar.class.isAssignableFrom(raw) || java.util.TimeZone.class.isAssignableFrom(raw)
                || raw == java.util.Locale.class || raw == java.util.Currency.class;
    }

    private static void expect(boolean fits, String path, String expected) {
        if (!fits) {
            throw new JsonTypeException(path.isEmpty() ? "body" : path, expected);
        }
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof GenericArrayType a) {
            Class<?> component = raw(a.getGenericComponentType());
            return component == null ? null : component.arrayType();
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return null; // a type variable: anything goes
    }

    private static Type argument(Type type, int index) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length > index
                ? p.getActualTypeArguments()[index] : Object.class;
    }

    private static Type elementOfArray(Type type, Class<?> raw) {
        return type instanceof GenericArrayType a ? a.getGenericComponentType() : raw.getComponentType();
    }
}
