package org.mvoting.infrastructure.sms;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * MVOTING_SMS_ADAPTER picks the adapter; a missing (outside the demo), wrong or incomplete setting stops
 * the deployment instead of quietly keeping codes in the database.
 */
class SmsGatewaysTest {

    @AfterEach
    void clearSettings() {
        System.clearProperty("mvoting.sms.adapter");
        System.clearProperty("mvoting.sms.gateway.url");
        System.clearProperty("mvoting.demo");
    }

    @Test
    void anUnsetAdapterIsRefusedOutsideTheDemo() {
        assertThrows(IllegalStateException.class, new SmsGateways()::current);
    }

    @Test
    void theDemoDefaultsToLocal() {
        System.setProperty("mvoting.demo", "true");
        SmsGateways gateways = new SmsGateways();
        gateways.current();
        assertTrue(gateways.isLocal());
    }

    @Test
    void localCanBeChosenExplicitly() {
        System.setProperty("mvoting.sms.adapter", "local");
        SmsGateways gateways = new SmsGateways();
        gateways.current();
        assertTrue(gateways.isLocal());
    }

    @Test
    void httpNeedsAGatewayUrlAndThenSendsThroughIt() {
        System.setProperty("mvoting.sms.adapter", "http");
        assertThrows(IllegalStateException.class, new SmsGateways()::current);

        System.setProperty("mvoting.sms.gateway.url", "https://sms.example.org/send");
        SmsGateways gateways = new SmsGateways();
        gateways.current();
        assertFalse(gateways.isLocal());
        assertInstanceOf(HttpSmsGateway.class, gateways.current());
    }

    @Test
    void aChangedSettingTakesEffectForTheNextMessage() {
        System.setProperty("mvoting.sms.adapter", "http");
        System.setProperty("mvoting.sms.gateway.url", "https://sms.example.org/send");
        SmsGateways gateways = new SmsGateways();
        SmsGateway first = gateways.current();
        assertTrue(first == gateways.current(), "same settings, same adapter");
        System.setProperty("mvoting.sms.gateway.url", "https://backup-sms.example.org/send");
        assertFalse(first == gateways.current(), "a new gateway URL builds a new adapter");
        System.setProperty("mvoting.sms.adapter", "local");
        assertTrue(gateways.isLocal());
    }

    @Test
    void anUnknownAdapterIsRefused() {
        System.setProperty("mvoting.sms.adapter", "carrier-pigeon");
        assertThrows(IllegalStateException.class, new SmsGateways()::current);
    }
}
