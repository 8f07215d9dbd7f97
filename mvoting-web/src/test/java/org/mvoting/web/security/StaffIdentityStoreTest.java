package org.mvoting.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.TooManyRequestsException;
import org.mvoting.api.staff.StaffIdentity;
import org.mvoting.api.staff.StaffSignIn;

/**
 * The identity store hands every login, with the client address and how it came, to StaffSignIn (which keeps the
 * locks in the database); it keeps no count of its own, and a lock reaches the caller as a refusal.
 */
class StaffIdentityStoreTest {

    private final List<Object[]> calls = new ArrayList<>();
    private final StaffIdentityStore store = new StaffIdentityStore();

    @BeforeEach
    void wire() throws Exception {
        StaffSignIn signIn = (StaffSignIn) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StaffSignIn.class}, (proxy, method, args) -> {
                    if (!method.getName().equals("logIn")) {
                        throw new UnsupportedOperationException(method.getName());
                    }
                    calls.add(args);
                    if ("10.0.0.9".equals(args[2])) {
                        throw new TooManyRequestsException("staff-login", 600);
                    }
                    return "right".equals(args[1]) ? Optional.of(new StaffIdentity((String) args[0], "이름",
                            Set.of("STAFF", "OPERATOR"))) : Optional.empty();
                });
        Field field = StaffIdentityStore.class.getDeclaredField("signIn");
        field.setAccessible(true);
        field.set(store, signIn);
    }

    @Test
    void theRightPasswordGivesTheDirectorysRolesAndTheAddressAndChannelTravelWithIt() {
        CredentialValidationResult result = store.validate(new UsernamePasswordCredential("it.operator", "right"),
                "10.0.0.1", StaffSignIn.Channel.BASIC);
        assertEquals(CredentialValidationResult.Status.VALID, result.getStatus());
        assertEquals(Set.of("STAFF", "OPERATOR"), result.getCallerGroups());
        assertEquals(List.of("it.operator", "right", "10.0.0.1", StaffSignIn.Channel.BASIC), List.of(calls.get(0)));
    }

    @Test
    void aWrongPasswordIsInvalidAndALockIsARefusal() {
        assertEquals(CredentialValidationResult.Status.INVALID, store.validate(
                new UsernamePasswordCredential("it.operator", "guess"), "10.0.0.1", StaffSignIn.Channel.PORTAL).getStatus());
        TooManyRequestsException locked = assertThrows(TooManyRequestsException.class, () -> store.validate(
                new UsernamePasswordCredential("it.operator", "right"), "10.0.0.9", StaffSignIn.Channel.PORTAL));
        assertEquals("rate-limited-staff-login", locked.code());
        assertEquals(600, locked.retryAfterSeconds());
    }
}
