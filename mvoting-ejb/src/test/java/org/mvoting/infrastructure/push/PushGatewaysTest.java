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
