package org.mvoting.infrastructure.push;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MVOTING_PUSH_ADAPTER picks the adapter; a missing (outside the demo), wrong or incomplete setting stops the
 * deployment, as for SMS.
 */
class PushGatewaysTest {

    @AfterEach
    void clearSettings() {
        System.clearProperty("mvoting.push.adapter");
        System.clearProperty("mvoting.push.gateway.url");
        System.clearProperty("mvoting.push.gateway.key");
        System.clearProperty("mvoting.demo");
        System.clearProperty("mvoting.vapid.public.key");
        System.clearProperty("mvoting.vapid.private.key");
        System.clearProperty("mvoting.vapid.subject");
    }

    private static PushGateways withWebPushKeys() throws ReflectiveOperationException {
        PushGateways gateways = new PushGateways();
        java.lang.reflect.Field keys = PushGateways.class.getDeclaredField("webPushKeys");
        keys.setAccessible(true);
        keys.set(gateways, new org.mvoting.infrastructure.webpush.WebPushKeys());
        return gateways;
    }

    private static final String SUBSCRIPTION = "{\"endpoint\":\"https://fcm.googleapis.com/fcm/send/x\",\"p256dh\":\"BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4\",\"auth\":\"BTBZMqHH6r4Tts7J_aSIgg\"}";

    @Test
    void aBrowsersSubscriptionGoesToItsPushServiceAndEverythingElseToTheGateway() throws Exception {
        System.setProperty("mvoting.push.adapter", "http");
        System.setProperty("mvoting.push.gateway.url", "https://push.example.org/send");
        System.setProperty("mvoting.vapid.public.key",
                "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8");
        System.setProperty("mvoting.vapid.private.key", "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw");
        System.setProperty("mvoting.vapid.subject", "mailto:push@city.go.kr");
        PushGateways gateways = withWebPushKeys();
        java.util.UUID id = java.util.UUID.randomUUID();

        assertInstanceOf(org.mvoting.infrastructure.webpush.WebPushGateway.class,
                gateways.forTarget(new PushTarget(id, org.mvoting.api.citizens.PushPlatform.WEB, SUBSCRIPTION)));
        assertInstanceOf(HttpPushGateway.class,
                gateways.forTarget(new PushTarget(id, org.mvoting.api.citizens.PushPlatform.WEB, "gateway-token")));
        assertInstanceOf(HttpPushGateway.class,
                gateways.forTarget(new PushTarget(id, org.mvoting.api.citizens.PushPlatform.ANDROID, "fcm-token")));
    }

    @Test
    void withoutVapidKeysASubscriptionIsRefusedForGood() throws Exception {
        System.setProperty("mvoting.push.adapter", "http");
        System.setProperty("mvoting.push.gateway.url", "https://push.example.org/send");
        PushGateways gateways = withWebPushKeys();

        assertThrows(PushRejectedException.class, () -> gateways.forTarget(
                new PushTarget(java.util.UUID.randomUUID(), org.mvoting.api.citizens.PushPlatform.WEB, SUBSCRIPTION)));
    }

    @Test
    void anUnsetAdapterIsRefusedOutsideTheDemo() {
        assertThrows(IllegalStateException.class, new PushGateways()::current);
    }

    @Test
    void theDemoDefaultsToLocal() {
        System.setProperty("mvoting.demo", "true");
        assertTrue(new PushGateways().isLocal());
    }

    @Test
    void localCanBeChosenExplicitly() {
        System.setProperty("mvoting.push.adapter", "local");
        assertTrue(new PushGateways().isLocal());
    }

    @Test
    void httpNeedsAGatewayUrlAndThenSendsThroughIt() {
        System.setProperty("mvoting.push.adapter", "http");
        assertThrows(IllegalStateException.class, new PushGateways()::current);

        System.setProperty("mvoting.push.gateway.url", "https://push.example.org/send");
        PushGateways gateways = new PushGateways();
        assertInstanceOf(HttpPushGateway.class, gateways.current());
        assertFalse(gateways.isLocal());
    }

    @Test
    void aChangedSettingTakesEffectForTheNextMessage() {
        System.setProperty("mvoting.push.adapter", "http");
        System.setProperty("mvoting.push.gateway.url", "https://push.example.org/send");
        PushGateways gateways = new PushGateways();
        PushGateway first = gateways.current();
        assertSame(first, gateways.current(), "same settings, same adapter");
        System.setProperty("mvoting.push.gateway.key", "rotated");
        assertFalse(first == gateways.current(), "a new key builds a new adapter");
        System.setProperty("mvoting.push.adapter", "local");
        assertTrue(gateways.isLocal());
    }

    @Test
    void anUnknownAdapterIsRefused() {
        System.setProperty("mvoting.push.adapter", "fcm");
        assertThrows(IllegalStateException.class, new PushGateways()::current);
    }

    @Test
    void theSmsSettingDoesNotChooseThePushAdapter() {
        System.setProperty("mvoting.sms.adapter", "local");
        try {
            assertThrows(IllegalStateException.class, new PushGateways()::current);
        } finally {
            System.clearProperty("mvoting.sms.adapter");
        }
    }
}
