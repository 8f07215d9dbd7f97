package org.mvoting.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.InvalidDeviceIdException;

class DeviceIdTest {

    @Test
    void appInstallationIdsAndCookieValuesAreAccepted() {
        assertEquals("3f2b8c1e-7a4d-4c9e-9b1a-0d6e5f4a3b2c", new DeviceId("3f2b8c1e-7a4d-4c9e-9b1a-0d6e5f4a3b2c").value());
        assertEquals(43, new DeviceId("AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde").value().length());
        new DeviceId("a".repeat(16));
        new DeviceId("a".repeat(128));
    }

    @Test
    void shortLongOrOddValuesAreRefused() {
        for (String bad : new String[] {null, "", "a".repeat(15), "a".repeat(129), "has space in it....", "semi;colon;value;;",
                "<script>alert(1)</script>", "값값값값값값값값값값값값값값값값"}) {
            InvalidDeviceIdException e = assertThrows(InvalidDeviceIdException.class, () -> new DeviceId(bad));
            assertEquals("device-id-invalid", e.code());
        }
    }

    @Test
    void itsTextNeverShowsTheWholeIdentifier() {
        assertFalse(new DeviceId("abcdefghijklmnopqrstuvwxyz").toString().contains("efghijkl"));
    }
}
