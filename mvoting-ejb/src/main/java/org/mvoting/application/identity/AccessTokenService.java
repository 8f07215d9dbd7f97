package org.mvoting.application.identity;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.Base64;
import java.util.UUID;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.identity.AccessTokens;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.AssuranceLevel;

/**
 * Checks mVoting bearer tokens: the signature and expiry, then one indexed read that they were not signed out
 * ({@link CitizenTokens}); no session, so any node serves any vote.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AccessTokenService implements AccessTokens {

    @Inject
    private CitizenTokens citizenTokens;

    @Override
    public VoterCredential authenticate(String bearerToken, Channel channel) {
        JsonObject claims = citizenTokens.verify(bearerToken);
        try {
            byte[] voterKey = Base64.getUrlDecoder().decode(claims.getString("vk"));
            AssuranceLevel assurance = AssuranceLevel.valueOf(claims.getString("asr"));
            // the citizen rides along for mileage only; an event pass ("typ") speaks for no citizen
            return claims.containsKey("typ") || !claims.containsKey("sub")
                    ? new VoterCredential(voterKey, assurance, channel)
                    : VoterCredential.citizen(voterKey, assurance, channel, UUID.fromString(claims.getString("sub")));
        } catch (RuntimeException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
    }
}
