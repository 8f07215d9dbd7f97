package org.mvoting.application.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mvoting.api.staff.StaffIdentity;

/** A verified login is trusted until its time is up, and never beyond; a flood of logins does not grow it without end. */
class VerifiedLoginsTest {

    private final VerifiedLogins logins = new VerifiedLogins();
    private final StaffIdentity staff = new StaffIdentity("it.operator", "이름", Set.of("STAFF"));
    private final Instant now = Instant.parse("2030-01-01T09:00:00Z");

    @Test
    void aLoginIsFoundUntilItsTimeIsUpAndNotAfter() {
        logins.remember("key", staff, now.plusSeconds(60));
        assertEquals(Optional.of(staff), logins.find("key", now.plusSeconds(59)));
        assertTrue(logins.find("other-key", now).isEmpty(), "another ID or password misses");
        assertTrue(logins.find("key", now.plusSeconds(60)).isEmpty());
        assertTrue(logins.find("key", now).isEmpty(), "an expired entry is dropped");
    }

    @Test
    void aForgottenLoginIsAskedForAgain() {
        logins.remember("key", staff, now.plusSeconds(60));
        logins.forget("key");
        assertTrue(logins.find("key", now).isEmpty());
    }

    @Test
    void aFloodOfDistinctLoginsDoesNotGrowTheCacheWithoutEnd() {
        for (int i = 0; i <= VerifiedLogins.MAX_ENTRIES + 5; i++) {
            logins.remember("key" + i, staff, Instant.now().plusSeconds(60));
        }
        long kept = java.util.stream.IntStream.rangeClosed(0, VerifiedLogins.MAX_ENTRIES + 5)
                .filter(i -> logins.find("key" + i, Instant.now()).isPresent()).count();
        assertTrue(kept <= VerifiedLogins.MAX_ENTRIES, "kept " + kept);
    }
}
