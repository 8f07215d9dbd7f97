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

    private static final java.util.List<String> SERVICES = java.util.List.of("fcm.googleapis.com", "web.push.apple.com");
    private static final String P256DH = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";

    @Test
    void aWebPushSubscriptionIsHttpsAtAKnownPushServiceWithKeysOfTheirLengths() {
        String token = PushInstallation.webPushToken("https://web.push.apple.com/QGuQyavXutnMH", P256DH, AUTH, SERVICES);
        assertEquals("{\"endpoint\":\"https://web.push.apple.com/QGuQyavXutnMH\",\"p256dh\":\"" + P256DH
                + "\",\"auth\":\"" + AUTH + "\"}", token);
        PushInstallation.webPushToken("https://jp.fcm.googleapis.com/fcm/send/x", P256DH, AUTH, SERVICES); // a sub-host
        String[][] bad = {
            {"http://fcm.googleapis.com/fcm/send/x", P256DH, AUTH},
            {"https://localhost/fcm/send/x", P256DH, AUTH},
            {"https://evilfcm.googleapis.com.example/x", P256DH, AUTH},
            {"https://xfcm.googleapis.com/x", P256DH, AUTH},
            {"https://u:p@fcm.googleapis.com/x", P256DH, AUTH},
            {"https://fcm.googleapis.com/ bad", P256DH, AUTH},
            {"https://fcm.googleapis.com/" + "x".repeat(2048), P256DH, AUTH},
            {"https://fcm.googleapis.com/x", P256DH.substring(1), AUTH},
            {"https://fcm.googleapis.com/x", "A" + P256DH.substring(1), AUTH},
            {"https://fcm.googleapis.com/x", P256DH, AUTH + "AA"},
            {"https://fcm.googleapis.com/x", P256DH, "%%%"},
            {null, P256DH, AUTH},
            {"https://fcm.googleapis.com/x", null, AUTH},
            {"https://fcm.googleapis.com/x", P256DH, null},
        };
        for (String[] subscription : bad) {
            InvalidPushInstallationException e = assertThrows(InvalidPushInstallationException.class,
                    () -> PushInstallation.webPushToken(subscription[0], subscription[1], subscription[2], SERVICES),
                    String.join(" ", String.valueOf(subscription[0])));
            assertEquals("push-subscription-invalid", e.code());
        }
    }
}
