package org.mvoting.web.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/** What the portal session remembers of a login: who, with which roles, since when. */
public record PortalLogin(String staffId, Set<String> roles, Instant at) implements Serializable {

    public static final String SESSION_ATTRIBUTE = "mvoting.staff.login";

    public PortalLogin {
        roles = Set.copyOf(roles);
    }
}
