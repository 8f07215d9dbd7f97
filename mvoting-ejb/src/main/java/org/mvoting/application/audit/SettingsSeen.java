package org.mvoting.application.audit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The settings watch's memory, apart from the server so it can be tested: the text of every setting as last seen,
 * and what differs in a new look. A secret's change is reported without its values.
 */
public final class SettingsSeen {

    static final String WITHHELD = "changed (value withheld)";
    static final String NOT_SET = "(not set)";

    /** One setting whose text changed: its name, and "old -> new" or {@link #WITHHELD}. */
    public record Change(String name, String detail) {
    }

    private final Predicate<String> secret;
    private Map<String, String> last;

    /** {@code baseline}: the texts at start, which are not a change; {@code secret}: which names are withheld. */
    SettingsSeen(Map<String, String> baseline, Predicate<String> secret) {
        this.last = new HashMap<>(baseline);
        this.secret = Objects.requireNonNull(secret);
    }

    /** What differs between the texts last remembered and {@code now}, in {@code now}'s order; remembers nothing. */
    List<Change> changesTo(Map<String, String> now) {
        List<Change> changes = new ArrayList<>();
        for (Map.Entry<String, String> setting : now.entrySet()) {
            String before = last.get(setting.getKey());
            String after = setting.getValue();
            if (!Objects.equals(before, after)) {
                changes.add(new Change(setting.getKey(), secret.test(setting.getKey()) ? WITHHELD
                        : shown(before) + " -> " + shown(after)));
            }
        }
        return changes;
    }

    /** Takes {@code now} as the texts to compare with next (once its changes are recorded). */
    void remember(Map<String, String> now) {
        last = new HashMap<>(now);
    }

    private static String shown(String text) {
        return text == null ? NOT_SET : text;
    }
}
