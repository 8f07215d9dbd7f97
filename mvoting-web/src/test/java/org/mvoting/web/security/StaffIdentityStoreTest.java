package org.mvoting.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvoting.api.staff.StaffDirectory;
import org.mvoting.api.staff.StaffIdentity;

/** Password guessing against one portal ID stops reaching the directory after ten misses in fifteen minutes. */
class StaffIdentityStoreTest {

    private final AtomicInteger directoryCalls = new AtomicInteger();
    private final StaffIdentityStore store = new StaffIdentityStore();
    private Instant now = Instant.parse("2030-01-01T09:00:00Z");

    @BeforeEach
    void wire() throws Exception {
        StaffDirectory directory = (StaffDirectory) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StaffDirectory.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("authenticate")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    directoryCalls.incrementAndGet();
                    return "right".equals(args[1]) ? Optional.of(new StaffIdentity((String) args[0], "이름",
                            Set.of("STAFF", "OPERATOR"))) : Optional.empty();
                });
        set("directory", directory);
        set("clock", new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now;
            }
        });
    }

    private void set(String name, Object value) throws Exception {
        Field field = StaffIdentityStore.class.getDeclaredField(name);
        field.setAccessible(true);
        field.set(store, value);
    }

    private CredentialValidationResult.Status login(String id, String password) {
        return store.validate(new UsernamePasswordCredential(id, password)).getStatus();
    }

    @Test
    void theRightPasswordGivesTheDirectorysRoles() {
        CredentialValidationResult result = store.validate(new UsernamePasswordCredential("it.operator", "right"));
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals(Set.of("STAFF", "OPERATOR"), result.getCallerGroups());
    }

    @Test
    void tenMissesLockTheIdForFifteenMinutesWithoutAskingTheDirectory() {
        for (int i = 0; i < StaffIdentityStore.MAX_FAILURES; i++) {
            assertEquals(CredentialValidationResult.Status.INVALID, login("it.operator", "guess" + i));
        }
        assertEquals(10, directoryCalls.get());
        assertEquals(CredentialValidationResult.Status.INVALID, login("IT.Operator", "right"), "locked, any case");
        assertEquals(10, directoryCalls.get(), "the directory was not asked while locked");
        assertEquals(CredentialValidationResult.Status.VALID, login("it.head", "right"), "other IDs are not affected");

        now = now.plus(StaffIdentityStore.WINDOW).plusSeconds(1);
        assertEquals(CredentialValidationResult.Status.VALID, login("it.operator", "right"));
    }

    @Test
    void aSuccessClearsEarlierMisses() {
        for (int i = 0; i < StaffIdentityStore.MAX_FAILURES - 1; i++) {
            login("it.operator", "guess");
        }
        assertEquals(CredentialValidationResult.Status.VALID, login("it.operator", "right"));
        for (int i = 0; i < StaffIdentityStore.MAX_FAILURES - 1; i++) {
            login("it.operator", "guess");
        }
        assertEquals(CredentialValidationResult.Status.VALID, login("it.operator", "right"));
    }
}
