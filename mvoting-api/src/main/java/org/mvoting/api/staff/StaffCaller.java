package org.mvoting.api.staff;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;

/**
 * The member of staff the current request was authenticated as (portal session, Basic with the directory
 * password, or a mobile-office token), set once by the web tier's authentication filter and read by the
 * services' role checks. Request-scoped: it dies with the request and is never shared between callers.
 *
 * <p>Why not the container's caller principal: on WildFly 39 an identity established by a Jakarta Security
 * mechanism outside WildFly's own realms (integrated-jaspi=false) is refused every web resource (403), so
 * the verified identity travels this way instead; the directory check itself is Jakarta Security's
 * IdentityStore.
 */
@RequestScoped
public class StaffCaller {

    private StaffIdentity identity;

    /** Called by the authentication filter only, after the password or token was verified. */
    public void authenticatedAs(StaffIdentity verified) {
        if (identity != null && !identity.staffId().equals(verified.staffId())) {
            throw new IllegalStateException("a request cannot change who it is authenticated as");
        }
        identity = verified;
    }

    public Optional<StaffIdentity> identity() {
        return Optional.ofNullable(identity);
    }

    public boolean authenticated() {
        return identity != null;
    }

    /** The portal ID; "anonymous" when nobody is authenticated. */
    public String staffId() {
        return identity == null ? "anonymous" : identity.staffId();
    }

    public boolean hasRole(String role) {
        return identity != null && identity.roles().contains(role);
    }

    public boolean hasAnyRole(Set<String> roles) {
        return identity != null && roles.stream().anyMatch(identity.roles()::contains);
    }
}
