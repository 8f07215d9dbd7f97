package org.mvoting.api.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mvoting.api.settings.CitySettings;

/** The two operations settings, read per use from their system properties (which win over the environment). */
class OperationsSettingsTest {

    @AfterEach
    void clear() {
        System.clearProperty("mvoting.metrics.token");
        System.clearProperty("mvoting.ready.requires.directory");
    }

    @Test
    void metricsAreOffWithoutATokenAndAShortTokenIsRefusedNamingTheSetting() {
        assertEquals(Optional.empty(), CitySettings.metricsToken());
        String token = "x".repeat(CitySettings.METRICS_TOKEN_MIN_LENGTH);
        System.setProperty("mvoting.metrics.token", token);
        assertEquals(Optional.of(token), CitySettings.metricsToken());
        System.setProperty("mvoting.metrics.token", "too-short-to-be-a-secret");
        IllegalStateException refused = assertThrows(IllegalStateException.class, CitySettings::metricsToken);
        assertTrue(refused.getMessage().contains("MVOTING_METRICS_TOKEN"), refused.getMessage());
        assertFalse(refused.getMessage().isBlank());
        assertTrue(CitySettings.problems().stream().anyMatch(p -> p.contains("MVOTING_METRICS_TOKEN")), "checked at deployment");
    }

    @Test
    void theDirectoryDoesNotTakeTheNodeOutUnlessTheCitySaysSo() {
        assertFalse(CitySettings.readyRequiresDirectory());
        System.setProperty("mvoting.ready.requires.directory", "true");
        assertTrue(CitySettings.readyRequiresDirectory());
        System.setProperty("mvoting.ready.requires.directory", "yes");
        assertThrows(IllegalStateException.class, CitySettings::readyRequiresDirectory);
    }
}
