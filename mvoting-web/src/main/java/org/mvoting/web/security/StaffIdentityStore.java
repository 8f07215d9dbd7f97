package org.mvoting.web.security;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.mvoting.api.staff.StaffDirectory;

/**
 * Jakarta Security's view of the staff directory: an LDAP bind, roles from directory groups. After
 * {@value #MAX_FAILURES} wrong passwords for one portal ID within {@link #WINDOW} further attempts for that ID
 * are refused without asking the directory (password guessing, and the directory's own lockout, stay away).
 */
@ApplicationScoped
public class StaffIdentityStore implements IdentityStore {

    private static final Logger LOG = Logger.getLogger(StaffIdentityStore.class.getName());
    static final int MAX_FAILURES = 10;
    static final Duration WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 10_000;
    private static final java.util.regex.Pattern PORTAL_ID = java.util.regex.Pattern.compile("[a-z0-9._-]{1,64}");

    private record Failures(int count, Instant since) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private Clock clock = Clock.systemUTC();

    @EJB
    private StaffDirectory directory;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String id = credential.getCaller() == null ? "" : credential.getCaller().strip().toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        Failures recent = failures.get(id);
        if (recent != null && recent.since().plus(WINDOW).isAfter(now) && recent.count() >= MAX_FAILURES) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        CredentialValidationResult result = directory.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .map(staff -> new CredentialValidationResult(staff.staffId(), staff.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            failures.remove(id);
        } else if (PORTAL_ID.matcher(id).matches()) { // made-up IDs never reach the directory: nothing to protect
            if (failures.size() > MAX_TRACKED) {
                failures.values().removeIf(f -> !f.since().plus(WINDOW).isAfter(now));
            }
            Failures updated = failures.merge(id, new Failures(1, now), (old, one) ->
                    old.since().plus(WINDOW).isAfter(now) ? new Failures(old.count() + 1, old.since()) : one);
            if (updated.count() == MAX_FAILURES) {
                LOG.warning(() -> "Staff login for '" + id + "' refused for " + WINDOW.toMinutes()
                        + " minutes after " + MAX_FAILURES + " wrong passwords");
            }
        }
        return result;
    }
}
