package org.mvoting.infrastructure.webpush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mvoting.infrastructure.crypto.ServerSecrets;

/** Where the city's VAPID pair comes from: the settings, a demo's server secret, or nowhere (Web Push off). */
class WebPushKeysTest {

    private static final String PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String OTHER_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";

    @AfterEach
    void clear() {
        for (String name : new String[] {"mvoting.vapid.public.key", "mvoting.vapid.private.key", "mvoting.vapid.subject",
                "mvoting.demo", "mvoting.secret", "mvoting.public.url"}) {
            System.clearProperty(name);
        }
    }

    private static WebPushKeys keys(String secret) throws ReflectiveOperationException {
        WebPushKeys keys = new WebPushKeys();
        if (secret != null) {
            System.setProperty("mvoting.secret", secret);
            ServerSecrets secrets = new ServerSecrets();
            Method load = ServerSecrets.class.getDeclaredMethod("load");
            load.setAccessible(true);
            load.invoke(secrets);
            Field field = WebPushKeys.class.getDeclaredField("secrets");
            field.setAccessible(true);
            field.set(keys, secrets);
        }
        return keys;
    }

    @Test
    void withoutKeysOutsideTheDemoWebPushIsOff() throws Exception {
        assertTrue(keys(null).current().isEmpty());
    }

    @Test
    void theConfiguredPairSignsWithItsSubject() throws Exception {
        System.setProperty("mvoting.vapid.public.key", PUBLIC);
        System.setProperty("mvoting.vapid.private.key", PRIVATE);
        System.setProperty("mvoting.vapid.subject", "mailto:push@city.go.kr");

        Vapid vapid = keys(null).current().orElseThrow();
        assertEquals(PUBLIC, vapid.publicKeyText());
        assertEquals("mailto:push@city.go.kr", vapid.subject());
    }

    @Test
    void keysThatAreNotOnePairOrHaveNoContactTurnWebPushOffInsteadOfFailingEveryPush() throws Exception {
        System.setProperty("mvoting.vapid.public.key", PUBLIC);
        System.setProperty("mvoting.vapid.private.key", OTHER_PRIVATE);
        System.setProperty("mvoting.vapid.subject", "mailto:push@city.go.kr");
        assertTrue(keys(null).current().isEmpty());

        System.setProperty("mvoting.vapid.private.key", PRIVATE);
        System.clearProperty("mvoting.vapid.subject");
        System.setProperty("mvoting.public.url", "http://vote.city.example");
        assertTrue(keys(null).current().isEmpty(), "no subject: an http public address is no contact");
        System.setProperty("mvoting.public.url", "https://vote.city.example");
        assertEquals("https://vote.city.example", keys(null).current().orElseThrow().subject());
    }

    @Test
    void aDemoDerivesOnePairFromItsServerSecretTheSameOnEveryNodeAndRestart() throws Exception {
        System.setProperty("mvoting.demo", "true");
        String secret = "demo-secret-0123456789abcdef0123456789";

        Vapid one = keys(secret).current().orElseThrow();
        Vapid again = keys(secret).current().orElseThrow();
        Vapid otherCity = keys(secret + "x").current().orElseThrow();

        assertEquals(one.publicKeyText(), again.publicKeyText());
        assertNotEquals(one.publicKeyText(), otherCity.publicKeyText());
        assertEquals(WebPushKeys.DEMO_SUBJECT, one.subject());
        assertTrue(Vapid.verify(one.token(java.net.URI.create("https://fcm.googleapis.com/x"), java.time.Instant.now()),
                one.publicKey()), "the derived public key is the private key's");
    }
}
