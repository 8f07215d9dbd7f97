package org.mvoting.api.events;

import jakarta.ejb.Local;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.ballots.CastReceipt;

/**
 * The hall: what the screens show, and the participants' ballots. A ballot goes through the same ballot engine as
 * every poll; the participant is named by their event pass (or their own SMS sign-in), one ballot per question.
 */
@Local
public interface EventFloor {

    EventLiveState live(String joinCode);

    /**
     * One participant's choice on the question {@code pollId}. {@code bearerToken}: the event pass from joining, or
     * the citizen's own sign-in token when they are registered by phone.
     */
    CastReceipt vote(String joinCode, UUID pollId, List<Long> optionIds, String bearerToken, String idempotencyKey);
}
