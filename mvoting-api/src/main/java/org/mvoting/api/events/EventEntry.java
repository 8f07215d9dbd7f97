package org.mvoting.api.events;

import jakarta.ejb.Local;

/**
 * How participants join an event by its join code: with a printed secret token (the first use binds it to one
 * participant; entering it again, on any device, is that same participant), or with their SMS sign-in (a
 * registered phone; the same participant on app and web).
 */
@Local
public interface EventEntry {

    EventPass joinWithToken(String joinCode, String tokenCode);

    EventPass joinWithPhone(String joinCode, String citizenBearerToken);
}
