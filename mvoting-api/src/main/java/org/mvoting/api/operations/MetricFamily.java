package org.mvoting.api.operations;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One metric with its samples, as the Prometheus text format groups them: one HELP and TYPE line, then a line per
 * label set. A counter's name ends in {@code _total}.
 *
 * @param name    {@code mvoting_...}, Prometheus's name rules
 * @param type    counter or gauge
 * @param help    one line for the HELP comment
 * @param samples the values, each with its labels
 */
public record MetricFamily(String name, Type type, String help, List<Sample> samples) {

    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    public enum Type { COUNTER, GAUGE }

    public MetricFamily {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a metric name: " + name);
        }
        if (type == Type.COUNTER && !name.endsWith("_total")) {
            throw new IllegalArgumentException("a counter's name ends in _total: " + name);
        }
        Objects.requireNonNull(help);
        samples = List.copyOf(samples);
    }

    /** A family with one sample without labels. */
    public static MetricFamily single(String name, Type type, String help, double value) {
        return new MetricFamily(name, type, help, List.of(new Sample(Map.of(), value)));
    }

    /**
     * One value and its labels (kept in the order given).
     *
     * @param labels label name → value
     * @param value  the number
     */
    public record Sample(Map<String, String> labels, double value) {

        public Sample {
            for (String label : labels.keySet()) {
                if (!LABEL.matcher(label).matches() || label.startsWith("__")) {
                    throw new IllegalArgumentException("not a label name: " + label);
                }
            }
            labels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(labels));
        }

        public static Sample of(String label, String labelValue, double value) {
            return new Sample(Map.of(label, labelValue), value);
        }
    }
}
