package org.mvoting.api.settings;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One setting: its name (MVOTING_SMS_ADAPTER), its default and how its text becomes a value. It is read on every
 * use from the system property of the same name in dotted lower case (mvoting.sms.adapter) first, then the
 * environment, then the default: system properties win so that an operator (or a test, through the management
 * API) can change a setting in the running server without touching the environment.
 *
 * @param <T> the value's type
 */
public final class Setting<T> {

    private final String name;
    private final String defaultValue;
    private final String expected;
    private final Function<String, T> parse;

    private Setting(String name, String defaultValue, String expected, Function<String, T> parse) {
        if (!name.startsWith("MVOTING_")) {
            throw new IllegalArgumentException("A setting's name starts with MVOTING_: " + name);
        }
        this.name = name;
        this.defaultValue = defaultValue;
        this.expected = expected;
        this.parse = Objects.requireNonNull(parse);
    }

    /** A setting whose text is the value; {@code defaultValue} may be null (then so is the value). */
    static Setting<String> text(String name, String defaultValue) {
        return new Setting<>(name, defaultValue, "text", Function.identity());
    }

    /** A whole number with a default. */
    static Setting<Integer> whole(String name, int defaultValue) {
        return new Setting<>(name, Integer.toString(defaultValue), "a whole number", Integer::valueOf);
    }

    /** {@code true} or {@code false} (any case), with a default. */
    static Setting<Boolean> flag(String name, boolean defaultValue) {
        return new Setting<>(name, Boolean.toString(defaultValue), "true or false", value -> {
            if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
                return Boolean.valueOf(value);
            }
            throw new IllegalArgumentException(value);
        });
    }

    /** A value of any other type, parsed from text; {@code expected} words what a good value looks like. */
    static <T> Setting<T> of(String name, String defaultValue, String expected, Function<String, T> parse) {
        return new Setting<>(name, defaultValue, expected, parse);
    }

    /** The name, as an environment variable: MVOTING_TIME_ZONE. */
    public String name() {
        return name;
    }

    /** The system property that overrides the environment: mvoting.time.zone. */
    public String property() {
        return name.toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /**
     * Whether the value must never be shown or recorded: the server secret, passwords, keys and bearer tokens
     * (MVOTING_SECRET, *_PASSWORD, *_KEY*, *_TOKEN). One rule by name, so a setting added later with such a name is
     * withheld too.
     */
    public boolean secret() {
        return name.equals("MVOTING_SECRET") || name.endsWith("_PASSWORD") || name.contains("_KEY")
                || name.endsWith("_TOKEN");
    }

    /** The default as text; null when the setting has none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The value now in force; null only when nothing is set and there is no default. */
    public T value() {
        return valueFrom(System::getProperty, System::getenv);
    }

    /** The value from the given sources (the system's, or a test's). */
    T valueFrom(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String text = textFrom(properties, environment);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (RuntimeException e) {
            throw new IllegalStateException("Setting " + name + " (system property " + property() + ") must be "
                    + expected + ", not '" + text + "'", e);
        }
    }

    /** The text now in force (system property, environment or default), unparsed; null when nothing is set. */
    public String text() {
        return textFrom(System::getProperty, System::getenv);
    }

    String textFrom(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String property = properties.apply(property());
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        String env = environment.apply(name);
        return env == null || env.isBlank() ? defaultValue : env.strip();
    }

    @Override
    public String toString() {
        return name;
    }
}
