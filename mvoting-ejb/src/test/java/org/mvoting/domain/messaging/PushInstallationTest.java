package org.mvoting.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.mvoting.api.citizens.PushPlatform;
import org.mvoting.api.errors.InvalidPushInstallationException;

class PushInstallationTest {

    @Test
    void platformsAreTheThreeKnownOnesInAnyCase() {
        assertEquals(PushPlatform.ANDROID, PushInstallation.platform("ANDROID"));
        assertEquals(PushPlatform.IOS, PushInstallation.platform(" ios "));
        assertEquals(PushPlatform.WEB, PushInstallation.platform("Web"));
        for (String bad : new String[] {null, "", "WINDOWS", "APNS"}) {
            InvalidPushInstallationException e = assertThrows(InvalidPushInstallationException.class,
                    () -> PushInstallation.platform(bad));
            assertEquals("push-platform-invalid", e.code());
        }
    }

    @Test
    void aTokenIsNotBlankAndAtMost4096Characters() {
        assertEquals("abc", PushInstallation.token("  abc\n"));
        assertEquals(4096, PushInstallation.token("t".repeat(4096)).length());
        for (String bad : new String[] {null, "", "   ", "t".repeat(4097)}) {
            InvalidPushInstallationException e = assertThrows(InvalidPushInstallationException.class,
                    () -> PushInstallation.token(bad));
            assertEquals("push-token-invalid", e.code());
        }
    }

    @Test
    void tokensAreUniqueByTheirHash() {
        assertArrayEquals(PushInstallation.tokenHash("a"), PushInstallation.tokenHash("a"));
        assertEquals(32, PushInstallation.tokenHash("t".repeat(4096)).length);
        assertFalse(java.util.Arrays.equals(PushInstallation.tokenHash("a"), PushInstallation.tokenHash("b")));
    }

    @Test
    void notificationsAreKoreanUnlessEnglishIsAskedFor() {
        assertEquals(java.util.Locale.ENGLISH, PushInstallation.language("en"));
        assertEquals(java.util.Locale.ENGLISH, PushInstallation.language(" en-US "));
        assertEquals(java.util.Locale.KOREAN, PushInstallation.language("ko-KR"));
        for (String other : new String[] {null, "", "fr", "zh-Hans", "not a tag"}) {
            assertEquals(java.util.Locale.KOREAN, PushInstallation.language(other), String.valueOf(other));
        }
    }
}
