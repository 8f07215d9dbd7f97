package org.mvoting.application.events;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.ballots.AnswerMark;
import org.mvoting.api.ballots.BallotBox;
import org.mvoting.api.ballots.BallotPaper;
import org.mvoting.api.ballots.CastReceipt;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.errors.NotEligibleException;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.errors.PollNotOpenException;
import org.mvoting.api.events.EventFloor;
import org.mvoting.api.events.EventLiveState;
import org.mvoting.api.events.LiveQuestion;
import org.mvoting.api.events.QuestionState;
import org.mvoting.api.identity.AccessTokens;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.domain.poll.Poll;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.crypto.TokenCodec;
import org.mvoting.infrastructure.persistence.EventLedger;

/**
 * The hall's floor: what the screens show, and the participants' ballots. Every ballot goes through
 * {@link BallotBox#cast}: the participation's primary key is the one-vote guarantee, exactly as for any poll, and
 * nothing on the vote path writes to a row shared by the voters (the event and question rows are only read). The
 * screens' state is a read and nothing more: a countdown that ran out and ballots waiting under shown results are
 * {@link EventCountdownTimer}'s business.
 */
@Stateless
public class EventFloorService implements EventFloor {

    @Inject
    private EventLedger events;

    @Inject
    private EventHallViews views;

    @Inject
    private EventHallKeys hallKeys;

    @Inject
    private ServerSecrets secrets;

    @EJB
    private BallotBox ballotBox;

    @EJB
    private AccessTokens accessTokens;

    @Override
    public EventLiveState live(String joinCode) {
        String code = joinCode == null ? "" : joinCode.strip();
        EventLedger.Hall hall = events.hall(code).orElseThrow(() -> new NotFoundException("event-not-found", code));
        LiveQuestion shown = null;
        if (hall.currentPollId() != null) {
            Poll poll = views.poll(hall.currentPollId());
            EventLedger.QuestionRow row = events.question(hall.eventId(), poll.id()).orElseThrow();
            shown = views.live(poll, row);
        }
        return new EventLiveState(code, hall.title(), hall.participants(), hall.joined(), shown, Instant.now());
    }

    @Override
    public CastReceipt vote(String joinCode, UUID pollId, List<Long> optionIds, String bearerToken,
                            String idempotencyKey) {
        String code = joinCode == null ? "" : joinCode.strip();
        UUID eventId = hallKeys.eventOf(code).orElseThrow(() -> new NotFoundException("event-not-found", code));
        VoterCredential voter = participant(eventId, bearerToken);
        // The question's event and id never change once it is asked, so they come from memory; the poll itself is
        // read only by the ballot box, under its lock (a copy read here, before the lock, could be stale there).
        EventLedger.QuestionKey question = hallKeys.question(pollId).filter(q -> eventId.equals(q.eventId()))
                .orElseThrow(() -> new PollNotFoundException(pollId));
        if (!question.asked()) {
            throw new PollNotOpenException(QuestionState.PREPARED.name()); // prepared, not yet asked
        }
        return ballotBox.cast(pollId, new BallotPaper(List.of(new AnswerMark(question.questionId(), optionIds))), voter,
                idempotencyKey);
    }

    /**
     * The participant behind a bearer token: an event pass names its event and the participant's voter key; a
     * citizen's own sign-in carries the same key for a participant registered by phone. Either way one key, so one
     * ballot, whichever they use first.
     */
    private VoterCredential participant(UUID eventId, String bearerToken) {
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MISSING);
        }
        JsonObject claims = new TokenCodec(secrets.tokenSecret()).verify(bearerToken, Instant.now());
        if (!"event".equals(claims.getString("typ", ""))) {
            return accessTokens.authenticate(bearerToken, Channel.ONSITE);
        }
        if (!eventId.toString().equals(claims.getString("evt", ""))) {
            throw new NotEligibleException(); // a pass for another event
        }
        try {
            return new VoterCredential(Base64.getUrlDecoder().decode(claims.getString("evk")),
                    AssuranceLevel.SMS_VERIFIED, Channel.ONSITE);
        } catch (RuntimeException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
    }
}
