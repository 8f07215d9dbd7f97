package org.mvoting.infrastructure.config;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvoting.infrastructure.crypto.CertificateTrust;

class SettingsCheckTest {

    private static final String ANCHORS = "MVOTING_CERTIFICATE_TRUST_ANCHORS";
    private static final String ANCHORS_PROPERTY = "mvoting.certificate.trust.anchors";

    @AfterEach
    void forget() {
        System.clearProperty(ANCHORS_PROPERTY);
    }

    private static SettingsCheck check() {
        SettingsCheck check = new SettingsCheck();
        check.certificateTrust = new CertificateTrust();
        return check;
    }

    @Test
    void aTrustAnchorPathThatDoesNotExistStopsTheDeploymentNamingTheSetting(@TempDir Path dir) {
        System.setProperty(ANCHORS_PROPERTY, dir.resolve("no-such-anchors.pem").toString());
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> check().check());
        assertTrue(refused.getMessage().contains(ANCHORS), refused.getMessage());
        assertTrue(refused.getMessage().contains("no-such-anchors.pem"), refused.getMessage());
    }

    @Test
    void withoutCertificateSignInNothingIsRead() {
        assertDoesNotThrow(() -> check().check());
    }

    @Test
    void anEmptyAnchorFolderIsReadAtDeployment(@TempDir Path dir) {
        System.setProperty(ANCHORS_PROPERTY, dir.toString());
        assertDoesNotThrow(() -> check().check());
    }
}
