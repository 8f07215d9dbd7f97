package org.mvoting.infrastructure.config;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.infrastructure.crypto.CertificateTrust;

/**
 * Refuses the deployment when a setting has a value that cannot be read, naming each one: better than the first
 * vote or timer failing later on it. Settings are still read on every use, so a value changed in the running
 * server is checked where it is used.
 */
@Singleton
@Startup
public class SettingsCheck {

    @Inject
    CertificateTrust certificateTrust;

    @PostConstruct
    void check() {
        List<String> problems = new ArrayList<>(CitySettings.problems());
        // certificate files named by a setting are read now: a missing trust anchor or CRL is a setting error, not a
        // 500 at the first citizen's sign-in
        if (problems.isEmpty() && CitySettings.certificateTrustAnchors().isPresent()) {
            try {
                certificateTrust.checker();
            } catch (RuntimeException e) {
                problems.add("MVOTING_CERTIFICATE_TRUST_ANCHORS / MVOTING_CERTIFICATE_CRL: " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("mVoting cannot start: " + String.join("; ", problems));
        }
    }
}
