package org.mvoting.domain.event;

import java.util.Objects;
import org.mvoting.api.errors.EventSelfConfirmException;

/**
 * The second person's rule for what an insider enters into an event (tokens issued once it is under way, every paper
 * count): it stands only once someone else confirms it. Who may confirm at all (another operator of the event, the
 * department head) is the service's access check; this is the part no role lifts, not even ADMIN's.
 */
public final class FourEyes {

    private FourEyes() {
    }

    /** Refuses a confirmation by the one who entered it (withdrawing one's own entry, a decline, stays possible). */
    public static void requireSecondPerson(String enteredBy, String decidedBy) {
        Objects.requireNonNull(decidedBy, "decidedBy");
        if (decidedBy.equalsIgnoreCase(Objects.requireNonNull(enteredBy, "enteredBy"))) {
            throw new EventSelfConfirmException(enteredBy);
        }
    }
}
