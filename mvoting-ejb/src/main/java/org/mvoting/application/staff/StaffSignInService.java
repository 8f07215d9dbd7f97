package org.mvoting.application.staff;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.mvoting.api.errors.TooManyRequestsException;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.api.staff.Roles;
import org.mvoting.api.staff.StaffCaller;
import org.mvoting.api.staff.StaffDirectory;
import org.mvoting.api.staff.StaffIdentity;
import org.mvoting.api.staff.StaffSignIn;
import org.mvoting.domain.organization.StaffMember;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.directory.DirectorySnapshot;
import org.mvoting.infrastructure.directory.DirectoryUnavailableException;
import org.mvoting.infrastructure.directory.LdapDirectory;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.RateLimits;
import org.mvoting.infrastructure.persistence.StaffLoginGuard;
import org.mvoting.infrastructure.persistence.StaffRepository;

/**
 * Staff logins, guarded the same on every node (StaffLoginGuard in the database): a lock per portal ID and client
 * address after MVOTING_STAFF_LOGIN_FAILURES wrong passwords, so an attacker elsewhere cannot lock the approvers
 * out; a lock of the address for every ID after MVOTING_STAFF_LOGIN_ADDRESS_FAILURES wrong passwords over any IDs
 * (password spraying); both for MVOTING_STAFF_LOGIN_LOCK_MINUTES. A verified login is trusted for
 * MVOTING_STAFF_LOGIN_CACHE_SECONDS on this node ({@link VerifiedLogins}). The audit trail gets each login the
 * directory verified (a portal session, a Basic login once per cache lifetime, a mobile-office token once), each
 * wrong password, each lock and each refused action. Open to everyone: this is how staff log in.
 */
@Stateless
public class StaffSignInService implements StaffSignIn {

    private static final Logger LOG = Logger.getLogger(StaffSignInService.class.getName());
    private static final String PAIR = "staff-login";
    private static final String ADDRESS = "staff-address";

    @Inject
    private LdapDirectory ldap;

    @Inject
    private StaffRepository staff;

    @Inject
    private StaffLoginGuard guard;

    @Inject
    private VerifiedLogins verified;

    @Inject
    private ServerSecrets secrets;

    @Inject
    private AuditTrail audit;

    @Inject
    private RateLimits limits;

    @Inject
    private StaffCaller caller;

    @EJB
    private StaffDirectory directory;

    @Override
    public Optional<StaffIdentity> logIn(String staffId, String password, String clientAddress, Channel channel) {
        String id = staffId == null ? "" : staffId.strip();
        String address = clientAddress == null ? "" : clientAddress;
        Instant now = Instant.now();
        String pair = secrets.limitBucket(PAIR, id.toLowerCase(Locale.ROOT) + "|" + address);
        String from = secrets.limitBucket(ADDRESS, address);
        refuseIfLocked(from, ADDRESS, now);
        refuseIfLocked(pair, PAIR, now);

        String cacheKey = secrets.limitBucket("staff-login-cache", id + "\u0000" + (password == null ? "" : password));
        Optional<StaffIdentity> cached = verified.find(cacheKey, now);
        if (cached.isPresent()) {
            if (staff.member(cached.get().staffId()).map(StaffMember::active).orElse(true)) {
                return cached;
            }
            verified.forget(cacheKey); // left since: ask the directory, which the sync has caught up with
        }

        Optional<DirectorySnapshot.Person> person;
        try {
            person = ldap.authenticate(id, password);
        } catch (DirectoryUnavailableException e) {
            // not the person's fault: no failure counted, no lock
            LOG.warning("Staff login impossible, the directory is unavailable: " + e.getMessage());
            return Optional.empty();
        }
        Optional<StaffMember> synced = person.flatMap(p -> staff.member(p.staffId()));
        boolean left = synced.isPresent() && !synced.get().active(); // the directory entry may linger after leaving
        Actor actor = new Actor(LdapDirectory.STAFF_ID.matcher(id).matches() ? id : "(invalid id)", address);
        if (person.isEmpty() || left) {
            failed(actor, channel, pair, from, now);
            return Optional.empty();
        }
        StaffIdentity identity = new StaffIdentity(person.get().staffId(), person.get().name(), withStaff(person.get().roles()));
        guard.succeeded(pair);
        int cacheSeconds = CitySettings.staffLoginCacheSeconds();
        if (cacheSeconds > 0) {
            verified.remember(cacheKey, identity, now.plusSeconds(cacheSeconds));
        }
        audit.record(new Actor(identity.staffId(), address), "staff.login", identity.staffId(), channel.name());
        return Optional.of(identity);
    }

    @Override
    public Optional<StaffIdentity> mobileOfficeLogIn(String bearerToken, String clientAddress) {
        Optional<StaffIdentity> identity = directory.mobileOfficeIdentity(bearerToken);
        if (identity.isPresent()) {
            String token = digest(bearerToken);
            int hours = 24; // longer than any mobile-office token lives
            if (verified.find("mobile-office:" + token, Instant.now()).isEmpty()) {
                // first seen on this node; the database says whether any node has recorded it yet
                if (limits.allows("mobile-office-login", token, Duration.ofHours(hours), 1)) {
                    audit.record(new Actor(identity.get().staffId(), clientAddress), "staff.login",
                            identity.get().staffId(), Channel.MOBILE_OFFICE.name());
                }
                verified.remember("mobile-office:" + token, identity.get(), Instant.now().plus(Duration.ofHours(hours)));
            }
        }
        return identity;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void refused(String code, String action, String clientAddress) {
        if (caller.authenticated()) {
            audit.record(new Actor(caller.staffId(), clientAddress), "staff.refused", action, code);
        }
    }

    private void refuseIfLocked(String bucket, String limit, Instant now) {
        Optional<Instant> until = guard.lockedUntil(bucket, now);
        if (until.isPresent()) {
            throw new TooManyRequestsException(limit, Math.max(1, Duration.between(now, until.get()).toSeconds() + 1));
        }
    }

    private void failed(Actor actor, Channel channel, String pair, String from, Instant now) {
        audit.record(actor, "staff.login-failed", actor.name(), channel.name());
        Duration lock = Duration.ofMinutes(CitySettings.staffLoginLockMinutes());
        guard.failed(pair, CitySettings.staffLoginFailures(), lock, lock, now).ifPresent(until -> {
            LOG.warning(() -> "Staff login for '" + actor.name() + "' from " + actor.source() + " locked until " + until);
            audit.record(actor, "staff.locked", actor.name(), "ID and address until " + until);
        });
        guard.failed(from, CitySettings.staffLoginAddressFailures(), lock, lock, now).ifPresent(until -> {
            LOG.warning(() -> "Staff logins from " + actor.source() + " refused until " + until + " (wrong passwords for many IDs)");
            audit.record(actor, "staff.address-locked", actor.source(), "address until " + until);
        });
    }

    /** Everyone in the directory is staff, whether or not the directory has a STAFF group. */
    private static Set<String> withStaff(Set<String> roles) {
        Set<String> all = new HashSet<>(roles);
        all.add(Roles.STAFF);
        return all;
    }

    private static String digest(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
