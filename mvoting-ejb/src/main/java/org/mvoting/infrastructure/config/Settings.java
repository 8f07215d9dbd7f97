package org.mvoting.infrastructure.config;

import java.util.Locale;

/**
 * Reads a setting named like an environment variable (MVOTING_SMS_ADAPTER) from the system property of
 * the same name in dotted lower case (mvoting.sms.adapter) first, then the environment, then the default.
 * System properties win so that an operator can override in standalone.conf without touching the env.
 */
public final class Settings {

    private Settings() {
    }

    public static String string(String name, String defaultValue) {
        String property = System.getProperty(name.toLowerCase(Locale.ROOT).replace('_', '.'));
        if (property != null && !property.isBlank()) {
            return property.strip();
        }
        String env = System.getenv(name);
        return env == null || env.isBlank() ? defaultValue : env.strip();
    }

    public static int integer(String name, int defaultValue) {
        String value = string(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Setting " + name + " must be a whole number, not '" + value + "'", e);
        }
    }

    public static boolean flag(String name, boolean defaultValue) {
        String value = string(name, null);
        return value == null ? defaultValue : Boolean.parseBoolean(value);
    }
}
