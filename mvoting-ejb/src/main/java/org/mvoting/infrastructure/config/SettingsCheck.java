package org.mvoting.infrastructure.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.List;
import org.mvoting.api.settings.CitySettings;

/**
 * Refuses the deployment when a setting has a value that cannot be read, naming each one: better than the first
 * vote or timer failing later on it. Settings are still read on every use, so a value changed in the running
 * server is checked where it is used.
 */
@Singleton
@Startup
public class SettingsCheck {

    @PostConstruct
    void check() {
        List<String> problems = CitySettings.problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("mVoting cannot start: " + String.join("; ", problems));
        }
    }
}
