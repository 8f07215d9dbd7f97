package org.mvoting.web.admin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.events.Registration;
import org.mvoting.web.portal.view.RegistrationItem;

/** The registration link the console shares, and the requests it lists. */
class ConsoleRegistrationsBackingTest {

    private static final Instant NOW = Instant.parse("2026-11-25T05:00:00Z");
    private static final UUID FIRST = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID SECOND = UUID.fromString("00000000-0000-0000-0000-000000000002");

    @Test
    void theRegistrationLinkIsTheMobileRegistrationPageOnThePublicAddress() {
        assertEquals("https://vote.city.go.kr/m/#/events/234567/register",
                ConsoleRegistrationsBacking.registrationLink("https://vote.city.go.kr", "234567"));
        assertEquals("https://vote.city.go.kr/mvoting/m/#/events/234567/register",
                ConsoleRegistrationsBacking.registrationLink("https://vote.city.go.kr/mvoting/", "234567"));
    }

    @Test
    void onlyAPendingRegistrationCanBeDecidedAndItsTimeIsOnTheCitysClock() {
        RegistrationItem pending = new RegistrationItem(new Registration(FIRST, SECOND, "김시민", "3번 테이블",
                Registration.Status.PENDING, NOW));
        assertTrue(pending.isPending());
        assertEquals("PENDING", pending.getStatus());
        assertEquals(FIRST.toString(), pending.getId());
        assertEquals("2026-11-25 14:00", pending.getRequestedAt());
        RegistrationItem approved = new RegistrationItem(new Registration(FIRST, SECOND, "김시민", null,
                Registration.Status.APPROVED, NOW));
        assertFalse(approved.isPending());
        assertNull(approved.getGroup());
    }
}
