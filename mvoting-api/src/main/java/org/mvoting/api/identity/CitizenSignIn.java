package org.mvoting.api.identity;

import jakarta.ejb.Local;

/** Sign-in by phone: an SMS one-time code, then a signed token. */
@Local
public interface CitizenSignIn {

    /**
     * Sends a 6-digit one-time code to the phone. Refused (and counted for the operators, see
     * {@link org.mvoting.api.messaging.SmsGuard}) past the requests per client address and hour (429), for a number
     * outside the allowed countries (422 phone-country-not-allowed), past the limits per number (429), and once
     * the day's SMS budget is used up (429). {@code clientAddress} is the request's address as the server sees it
     * (behind a trusted proxy, from X-Forwarded-For); null counts as one unknown address.
     */
    CodeRequested requestCode(String phoneNumber, String clientAddress);

    /**
     * Exchanges a correct, unexpired, unused code for a bearer token. The device used (may be null) is bound to
     * this citizen if it has never been bound: from then on it votes as them even when signed out.
     */
    AccessToken verifyCode(String phoneNumber, String code, String deviceId);

    /** Signs out: this token is refused from now on, on every node, until it would have expired anyway. */
    void signOut(String bearerToken);

    /** Signs out everywhere: every token this citizen holds now is refused from now on (later sign-ins work). */
    void signOutEverywhere(String bearerToken);
}
