package org.mvoting.web.portal.view;

import java.util.List;

/**
 * The data a chart canvas carries in its {@code data-chart} attribute for resources/js/portal-charts.js:
 * {@code {"type":"bar","label":"…","labels":[…],"values":[…]}}. Written by hand so it needs no JSON
 * provider; Facelets escapes it for the attribute.
 */
public final class ChartJson {

    private ChartJson() {
    }

    public static String of(String type, String label, List<String> labels, List<? extends Number> values) {
        StringBuilder json = new StringBuilder(64 + labels.size() * 16);
        json.append("{\"type\":").append(string(type)).append(",\"label\":").append(string(label)).append(",\"labels\":[");
        for (int i = 0; i < labels.size(); i++) {
            json.append(i == 0 ? "" : ",").append(string(labels.get(i)));
        }
        json.append("],\"values\":[");
        for (int i = 0; i < values.size(); i++) {
            Number v = values.get(i);
            json.append(i == 0 ? "" : ",").append(v == null ? "0" : v.toString());
        }
        return json.append("]}").toString();
    }

    static String string(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || c == '<' || c == '>' || c == '&') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
