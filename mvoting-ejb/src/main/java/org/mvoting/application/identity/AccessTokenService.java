package org.mvoting.application.identity;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Base64;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.identity.AccessTokens;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.crypto.TokenCodec;

/** Checks mVoting bearer tokens; no database access, so the vote path stays stateless and cheap. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AccessTokenService implements AccessTokens {

    @Inject
    private ServerSecrets secrets;

    @Override
    public VoterCredential authenticate(String bearerToken, Channel channel) {
        JsonObject claims = new TokenCodec(secrets.tokenSecret()).verify(bearerToken, Instant.now());
        try {
            byte[] voterKey = Base64.getUrlDecoder().decode(claims.getString("vk"));
            AssuranceLevel assurance = AssuranceLevel.valueOf(claims.getString("asr"));
            return new VoterCredential(voterKey, assurance, channel);
        } catch (RuntimeException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
    }
}
