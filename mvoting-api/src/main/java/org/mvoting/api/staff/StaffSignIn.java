package org.mvoting.api.staff;

import jakarta.ejb.Local;
import java.util.Optional;

/**
 * Staff logins as the web tier meets them, guarded on every node: wrong passwords lock a portal ID for the client
 * address they came from (the same ID from elsewhere still logs in), an address with too many wrong passwords over
 * any IDs is refused altogether for a while, a verified login is trusted briefly without asking the directory again,
 * and logins, failures, locks and refused actions go to the audit trail.
 */
@Local
public interface StaffSignIn {

    /** How the member of staff presented themselves. */
    enum Channel {
        /** The portal's login form: one login per session. */
        PORTAL,
        /** HTTP Basic on the API: every request carries the password. */
        BASIC,
        /** A bearer token from the mobile office's identity provider. */
        MOBILE_OFFICE
    }

    /**
     * Checks a portal ID and password coming from {@code clientAddress}. Empty when they are wrong (or the person
     * has left, or the directory cannot be reached); a {@link org.mvoting.api.errors.TooManyRequestsException}
     * ({@code rate-limited-staff-login} or {@code rate-limited-staff-address}) while the ID is locked for this
     * address, or the address for every ID.
     */
    Optional<StaffIdentity> logIn(String staffId, String password, String clientAddress, Channel channel);

    /**
     * The member of staff a mobile-office bearer token names (as {@link StaffDirectory#mobileOfficeIdentity}),
     * with one login in the audit trail per token, not per request.
     */
    Optional<StaffIdentity> mobileOfficeLogIn(String bearerToken, String clientAddress);

    /** Records that the authenticated member of staff was refused an action (403), in its own transaction. */
    void refused(String code, String action, String clientAddress);
}
