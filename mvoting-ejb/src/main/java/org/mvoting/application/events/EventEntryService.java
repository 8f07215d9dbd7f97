package org.mvoting.application.events;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.mvoting.api.errors.EventRegistrationNameException;
import org.mvoting.api.errors.EventTokenPendingException;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.events.EventEntry;
import org.mvoting.api.events.EventPass;
import org.mvoting.api.events.Registration;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.application.identity.CitizenBearer;
import org.mvoting.application.identity.CitizenTokens;
import org.mvoting.domain.event.SecretToken;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.crypto.TokenCodec;
import org.mvoting.infrastructure.persistence.AuditTrail;
import org.mvoting.infrastructure.persistence.EventLedger;

/**
 * How participants come in by an event's join code: self-registration by SMS sign-in, and joining with a printed token
 * or a registered phone. A participant's identity in an event is one voter key: a registered participant's is their
 * phone's voter key (the same one their SMS sign-in carries on app and web), a walk-in's is derived from the printed
 * token that first admitted them. So whichever channel or order they use, it is one participant, and one ballot per
 * question.
 */
@Stateless
public class EventEntryService implements EventEntry {

    @Inject
    private EventLedger events;

    @Inject
    private ServerSecrets secrets;

    @Inject
    private CitizenTokens citizenTokens;

    @Inject
    private AuditTrail audit;

    @Override
    public Registration register(String joinCode, String citizenBearerToken, String name, String group) {
        UUID eventId = eventOf(joinCode);
        CitizenBearer citizen = citizenTokens.holder(citizenBearerToken);
        String given = EventTexts.clip(name, NAME_LENGTH);
        if (given == null) {
            throw new EventRegistrationNameException();
        }
        Instant now = Instant.now();
        // imported beforehand (or approved already): nothing to decide
        String status = events.participant(eventId, citizen.voterKey()).isPresent() ? "APPROVED" : "PENDING";
        if (events.addRegistration(UUID.randomUUID(), eventId, given, EventTexts.clip(group, NAME_LENGTH), citizen.voterKey(), status, now)) {
            audit.record(new Actor("citizen", "mobile"), "event.register", eventId, status);
        }
        return events.registrationOf(eventId, citizen.voterKey()).orElseThrow().registration();
    }

    @Override
    public Registration myRegistration(String joinCode, String citizenBearerToken) {
        UUID eventId = eventOf(joinCode);
        CitizenBearer citizen = citizenTokens.holder(citizenBearerToken);
        return events.registrationOf(eventId, citizen.voterKey())
                .orElseThrow(() -> new NotFoundException("event-registration-not-found", joinCode)).registration();
    }

    @Override
    public EventPass joinWithToken(String joinCode, String tokenCode) {
        UUID eventId = eventOf(joinCode);
        SecretToken token = SecretToken.parse(tokenCode)
                .orElseThrow(() -> new NotFoundException("event-token-not-found", "?"));
        byte[] hash = secrets.tokenCodeHash(token.code());
        EventLedger.Token kept = events.lockedToken(hash).filter(t -> t.eventId().equals(eventId))
                .orElseThrow(() -> new NotFoundException("event-token-not-found", "?"));
        if (kept.pending()) {
            throw new EventTokenPendingException(); // issued during the event: admits nobody before a second person confirms
        }
        Instant now = Instant.now();
        UUID participantId = kept.participantId();
        if (participantId == null) {
            // first use: the token admits one new participant, whose key comes from the token itself
            byte[] voterKey = secrets.voterKey("event-token:" + Base64.getUrlEncoder().encodeToString(hash));
            events.addParticipant(eventId, null, null, null, null, voterKey, "TOKEN");
            participantId = events.participant(eventId, voterKey).orElseThrow().id();
            events.bindToken(hash, participantId, now);
        }
        return pass(eventId, events.participant(participantId).orElseThrow(), now);
    }

    @Override
    public EventPass joinWithPhone(String joinCode, String citizenBearerToken) {
        UUID eventId = eventOf(joinCode);
        CitizenBearer citizen = citizenTokens.holder(citizenBearerToken);
        EventLedger.Participant participant = events.participant(eventId, citizen.voterKey())
                .orElseThrow(() -> new NotFoundException("event-not-registered", joinCode));
        return pass(eventId, participant, Instant.now());
    }

    /**
     * The pass carries the participant's voter key as "evk", not as a citizen token's "vk", and no assurance claim on
     * purpose: it is not a citizen token, so it cannot vote in any poll outside its event (AccessTokens refuses it as
     * malformed); the event's questions read "evt" and "evk" (EventFloorService).
     */
    private EventPass pass(UUID eventId, EventLedger.Participant participant, Instant now) {
        UUID participantId = participant.id();
        events.markJoined(participantId, now);
        Instant expires = now.plus(Duration.ofHours(CitySettings.eventPassHours()));
        String token = new TokenCodec(secrets.tokenSecret()).issue(Json.createObjectBuilder()
                .add("iss", TokenCodec.ISSUER)
                .add("typ", "event")
                .add("sub", participantId.toString())
                .add("evt", eventId.toString())
                .add("evk", Base64.getUrlEncoder().withoutPadding().encodeToString(participant.voterKey()))
                .add("iat", now.getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build());
        return new EventPass(eventId, participantId, token, expires);
    }

    private UUID eventOf(String joinCode) {
        String code = joinCode == null ? "" : joinCode.strip();
        return events.eventByJoinCode(code).orElseThrow(() -> new NotFoundException("event-not-found", code));
    }

}
