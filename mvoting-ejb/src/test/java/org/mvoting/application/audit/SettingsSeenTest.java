package org.mvoting.application.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mvoting.application.audit.SettingsSeen.Change;

/** The settings watch's change detection, with a map standing in for the system properties and environment. */
class SettingsSeenTest {

    private final Map<String, String> source = new HashMap<>(Map.of(
            "MVOTING_SMS_ADAPTER", "http", "MVOTING_MIX_MIN_BATCH", "5", "MVOTING_SECRET", "s3cret-one"));
    private final SettingsSeen seen = new SettingsSeen(source, Set.of("MVOTING_SECRET")::contains);

    @Test
    void theBaselineIsNotAChange() {
        assertEquals(List.of(), seen.changesTo(Map.copyOf(source)));
    }

    @Test
    void aChangeIsReportedOldToNewOnceRememberedAndAgainWhenItIsUndone() {
        source.put("MVOTING_SMS_ADAPTER", "local");
        List<Change> first = seen.changesTo(source);
        assertEquals(List.of(new Change("MVOTING_SMS_ADAPTER", "http -> local")), first);
        assertEquals(first, seen.changesTo(source), "not remembered until recorded: the next look reports it again");
        seen.remember(source);
        assertEquals(List.of(), seen.changesTo(source));

        source.put("MVOTING_SMS_ADAPTER", "http");
        assertEquals(List.of(new Change("MVOTING_SMS_ADAPTER", "local -> http")), seen.changesTo(source));
    }

    @Test
    void settingAndClearingAValueShowsNotSet() {
        source.put("MVOTING_PUBLIC_URL", "https://vote.city.go.kr");
        assertEquals(List.of(new Change("MVOTING_PUBLIC_URL", "(not set) -> https://vote.city.go.kr")),
                seen.changesTo(source));
        seen.remember(source);
        source.put("MVOTING_MIX_MIN_BATCH", null);
        assertEquals(List.of(new Change("MVOTING_MIX_MIN_BATCH", "5 -> (not set)")), seen.changesTo(source));
    }

    @Test
    void aSecretsChangeIsRecordedWithoutEitherValue() {
        source.put("MVOTING_SECRET", "s3cret-two");
        List<Change> changes = seen.changesTo(source);
        assertEquals(List.of(new Change("MVOTING_SECRET", "changed (value withheld)")), changes);
        assertFalse(changes.toString().contains("s3cret"), changes.toString());
    }

    @Test
    void severalChangesInOneLookAreEachReported() {
        source.put("MVOTING_SMS_ADAPTER", "local");
        source.put("MVOTING_MIX_MIN_BATCH", "9");
        List<Change> changes = seen.changesTo(source);
        assertEquals(2, changes.size());
        assertTrue(changes.contains(new Change("MVOTING_MIX_MIN_BATCH", "5 -> 9")), changes.toString());
    }
}
