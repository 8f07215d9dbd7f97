package org.mvoting.api.events;

import jakarta.ejb.Local;

/**
 * How participants join an event by its join code: with a printed secret token (the first use binds it to one
 * participant; entering it again, on any device, is that same participant), or with their SMS sign-in (a
 * registered phone; the same participant on app and web).
 */
@Local
public interface EventEntry {

    /** The most characters of a participant's name and of their group or table, registered or imported. */
    int NAME_LENGTH = 100;

    EventPass joinWithToken(String joinCode, String tokenCode);

    EventPass joinWithPhone(String joinCode, String citizenBearerToken);

    /**
     * A citizen signed in by SMS asks to take part (the event's registration link): pending until an operator decides.
     * Asking again returns the same request; a phone already registered is approved at once.
     */
    Registration register(String joinCode, String citizenBearerToken, String name, String group);

    /** The signed-in citizen's own registration for this event (404 event-registration-not-found when none). */
    Registration myRegistration(String joinCode, String citizenBearerToken);
}
