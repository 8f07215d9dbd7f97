package org.mvoting.api.ballots;

import jakarta.ejb.Local;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.identity.VoterCredential;

/** Where ballots are cast, receipts checked and results read. */
@Local
public interface BallotBox {

    /**
     * An idempotency key: a random UUID, or at least 22 random URL-safe characters (128 bits), with at least
     * {@link #IDEMPOTENCY_KEY_DISTINCT_CHARACTERS} different characters (counters and "aaaa..." are refused).
     */
    String IDEMPOTENCY_KEY_FORMAT = "[A-Za-z0-9_-]{22,64}";
    int IDEMPOTENCY_KEY_DISTINCT_CHARACTERS = 10;

    /**
     * Casts one ballot. The same voter retrying with the same idempotency key gets the same receipt;
     * any other second attempt is refused as already voted.
     */
    CastReceipt cast(UUID pollId, BallotPaper ballot, VoterCredential voter, String idempotencyKey);

    /**
     * As above, for a password-protected poll with the password the voter typed (null when none was given; other
     * polls ignore it). Wrong guesses are limited per voter and poll.
     */
    CastReceipt cast(UUID pollId, BallotPaper ballot, VoterCredential voter, String idempotencyKey, String pollPassword);

    /**
     * Opening a meeting room's link: signed-in staff join its audience while its join window is open, so they may vote
     * later while it stays open; refused with meeting-join-closed afterwards. False for any other poll (nothing to join).
     */
    boolean joinMeetingRoom(UUID pollId, VoterCredential voter);

    ReceiptCheck checkReceipt(UUID pollId, String receipt);

    /** Results as the poll's visibility allows for this caller (who may be anonymous). */
    ResultsView results(UUID pollId, Optional<VoterCredential> caller);
}
