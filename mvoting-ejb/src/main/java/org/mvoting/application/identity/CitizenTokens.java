package org.mvoting.application.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.domain.identity.Citizen;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.crypto.TokenCodec;
import org.mvoting.infrastructure.persistence.IdentityRepository;

/**
 * Citizens' bearer tokens: issued with the citizen's token generation ("gen") and an id ("jti"), and on every use
 * checked for a signature, an expiry, and then in the database (one indexed read, the same on every node) that
 * they were neither signed out (revoked_token, by id), nor issued before a sign-out everywhere (an older
 * generation), nor held by a citizen whose number has since passed to someone else. Event passes ("typ":"event")
 * are not citizen tokens and are not looked up.
 */
@ApplicationScoped
public class CitizenTokens {

    @Inject
    private ServerSecrets secrets;

    @Inject
    private IdentityRepository identities;

    /** A new token for the citizen, valid MVOTING_TOKEN_TTL_MINUTES. */
    public Issued issue(Citizen citizen, byte[] voterKey, Instant now) {
        Instant expires = now.plus(Duration.ofMinutes(CitySettings.tokenTtlMinutes()));
        String token = new TokenCodec(secrets.tokenSecret()).issue(Json.createObjectBuilder()
                .add("iss", TokenCodec.ISSUER)
                .add("sub", citizen.id().toString())
                .add("vk", Base64.getUrlEncoder().withoutPadding().encodeToString(voterKey))
                .add("asr", AssuranceLevel.SMS_VERIFIED.name())
                .add("gen", citizen.tokenGeneration())
                .add("iat", now.getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build());
        return new Issued(token, expires);
    }

    /** A token and when it expires. */
    public record Issued(String token, Instant expires) {
    }

    /** The claims of a genuine, unexpired token that was not revoked; an {@link InvalidTokenException} otherwise. */
    public JsonObject verify(String bearerToken) {
        JsonObject claims = new TokenCodec(secrets.tokenSecret()).verify(bearerToken, Instant.now());
        if (claims.containsKey("typ")) {
            return claims; // an event pass: its own rules (EventFloorService)
        }
        UUID citizenId;
        String tokenId;
        int generation;
        try {
            citizenId = UUID.fromString(claims.getString("sub"));
            tokenId = claims.getString("jti");
            JsonNumber gen = claims.getJsonNumber("gen");
            generation = gen == null ? 0 : gen.intValueExact(); // tokens from before revocation existed: generation 0
        } catch (RuntimeException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        IdentityRepository.TokenStanding standing = identities.tokenStanding(citizenId, tokenId)
                .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.REVOKED));
        if (standing.revoked() || standing.retired() || standing.generation() != generation) {
            throw new InvalidTokenException(InvalidTokenException.Reason.REVOKED);
        }
        return claims;
    }

    /** Who a valid citizen token speaks for. */
    public CitizenBearer holder(String bearerToken) {
        JsonObject claims = verify(bearerToken);
        try {
            return new CitizenBearer(UUID.fromString(claims.getString("sub")),
                    Base64.getUrlDecoder().decode(claims.getString("vk")));
        } catch (RuntimeException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
    }

    /** Refuses this token from now on, until it would have expired. */
    public void revoke(String bearerToken) {
        JsonObject claims = verify(bearerToken);
        if (claims.containsKey("typ")) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED); // not a citizen token
        }
        Instant now = Instant.now();
        identities.revokeToken(claims.getString("jti"),
                Instant.ofEpochSecond(claims.getJsonNumber("exp").longValue()), now);
    }
}
