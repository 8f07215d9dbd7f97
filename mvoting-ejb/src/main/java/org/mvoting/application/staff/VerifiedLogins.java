package org.mvoting.application.staff;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mvoting.api.staff.StaffIdentity;

/**
 * Logins the directory verified a moment ago, so a script sending Basic on every request does not bind to LDAP
 * each time. Kept in this node's memory only (a cache: another node asks the directory once itself), keyed by a
 * keyed hash of the ID and password, so a changed password misses at once and the old one lasts at most the
 * cache's lifetime (MVOTING_STAFF_LOGIN_CACHE_SECONDS); departures are checked against the synced directory on
 * every hit.
 */
@ApplicationScoped
public class VerifiedLogins {

    static final int MAX_ENTRIES = 10_000;

    private record Verified(StaffIdentity identity, Instant until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    Optional<StaffIdentity> find(String key, Instant now) {
        Verified found = verified.get(key);
        if (found == null) {
            return Optional.empty();
        }
        if (!found.until().isAfter(now)) {
            verified.remove(key, found);
            return Optional.empty();
        }
        return Optional.of(found.identity());
    }

    void remember(String key, StaffIdentity identity, Instant until) {
        if (verified.size() >= MAX_ENTRIES) {
            Instant now = Instant.now();
            verified.values().removeIf(v -> !v.until().isAfter(now));
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear(); // a flood of distinct logins: start again rather than grow
            }
        }
        verified.put(key, new Verified(identity, until));
    }

    void forget(String key) {
        verified.remove(key);
    }
}
