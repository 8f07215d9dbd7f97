package org.mvoting.application.identity;

import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.crypto.TokenCodec;

/** Who a citizen's bearer token speaks for: the citizen ("sub") and the voter key of their phone ("vk"). */
public record CitizenBearer(UUID citizenId, byte[] voterKey) {

    /** Verifies the token (signature, issuer, expiry) and reads its holder; a token without both claims is malformed. */
    public static CitizenBearer of(ServerSecrets secrets, String bearerToken) {
        JsonObject claims = new TokenCodec(secrets.tokenSecret()).verify(bearerToken, Instant.now());
        try {
            return new CitizenBearer(UUID.fromString(claims.getString("sub")),
                    Base64.getUrlDecoder().decode(claims.getString("vk")));
        } catch (RuntimeException e) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
    }
}
