package org.mvoting.domain.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

    @Test
    void anIpv4AddressIsCountedWholeAndKeptWithoutItsLastPart() {
        ClientAddress address = ClientAddress.of("203.0.113.77");
        assertEquals("203.0.113.77", address.limitSubject());
        assertEquals("203.0.113.x", address.masked());
        assertEquals("203.0.113.x", address.toString());
    }

    @Test
    void anIpv6AddressIsCountedPerSlash64AndKeptAsItsSlash48() {
        ClientAddress one = ClientAddress.of("2001:db8:1:2:aaaa::1");
        ClientAddress sameSlash64 = ClientAddress.of("[2001:0db8:0001:0002:ffff:ffff:ffff:ffff]");
        assertEquals("2001:db8:1:2::/64", one.limitSubject());
        assertEquals(one.limitSubject(), sameSlash64.limitSubject(), "a script cycling through its /64 is one subject");
        assertEquals("2001:db8:1::/48", one.masked());
        assertEquals("2001:db8:1::/48", ClientAddress.of("2001:db8:1:ffff::9%eth0").masked());
        assertEquals("0:0:0::/48", ClientAddress.of("::1").masked());
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4Address() {
        assertEquals("203.0.113.x", ClientAddress.of("::ffff:203.0.113.9").masked());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "unknown", "example.org", "256.1.1.1", "1.2.3", "1.2.3.4.5", "::g", ":::::::::1",
                            "203.0.113.7, 198.51.100.1", "1:2:3:4:5:6:7:8:9"})
    void anythingButAnAddressLiteralIsOneUnknownSubjectAndNeverLookedUp(String text) {
        assertEquals(ClientAddress.UNKNOWN, ClientAddress.of(text));
    }

    @Test
    void noAddressIsUnknown() {
        assertEquals(ClientAddress.UNKNOWN, ClientAddress.of(null));
    }
}
