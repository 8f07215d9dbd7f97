package org.mvoting.application.identity;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.mvoting.api.errors.CertificateRejectedException;
import org.mvoting.api.errors.CertificateRejectedException.Reason;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.identity.AccessToken;
import org.mvoting.api.identity.CertificateChallenge;
import org.mvoting.api.identity.CertificateProof;
import org.mvoting.api.identity.CertificateSignIn;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.infrastructure.crypto.CertificateChecker;
import org.mvoting.infrastructure.crypto.CertificateTrust;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.crypto.TokenCodec;
import org.mvoting.infrastructure.persistence.IdentityRepository;

/**
 * Sign-in by certificate. The challenge is itself a signed token (no row until it is used), so any node can check it;
 * using it records its id, so a captured proof cannot be replayed. The voter key is the keyed hash of the configured
 * subject identifier ("certificate:" keeps it apart from every phone, staff and device key), the same for a renewed
 * certificate. The token says CERTIFICATE and "typ":"certificate": it speaks for no citizen account (no mileage, no
 * profile), and only polls that require a certificate accept it.
 */
@Stateless
public class CertificateSignInService implements CertificateSignIn {

    /** How long a challenge may be signed: enough for a person to unlock a key, short for a replay. */
    static final Duration CHALLENGE_LIFETIME = Duration.ofMinutes(2);
    static final String CHALLENGE_TYPE = "certificate-challenge";
    static final String TOKEN_TYPE = "certificate";

    @Inject
    private ServerSecrets secrets;

    @Inject
    private CertificateTrust trust;

    @Inject
    private IdentityRepository identities;

    @Override
    public CertificateChallenge challenge() {
        if (!trust.checker().enabled()) {
            throw new CertificateRejectedException(Reason.SIGN_IN_OFF);
        }
        Instant now = Instant.now();
        Instant expires = now.plus(CHALLENGE_LIFETIME);
        String challenge = new TokenCodec(secrets.tokenSecret()).issue(Json.createObjectBuilder()
                .add("iss", TokenCodec.ISSUER)
                .add("typ", CHALLENGE_TYPE)
                .add("iat", now.getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build());
        return new CertificateChallenge(challenge, expires);
    }

    @Override
    public AccessToken signIn(CertificateProof proof) {
        CertificateChecker checker = trust.checker();
        if (!checker.enabled()) {
            throw new CertificateRejectedException(Reason.SIGN_IN_OFF);
        }
        Instant now = Instant.now();
        JsonObject challenge = challengeClaims(proof.challenge(), now);
        List<X509Certificate> chain = CertificateChecker.parseChain(proof.chain());
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(proof.signature() == null ? "" : proof.signature().strip());
        } catch (IllegalArgumentException e) {
            throw new CertificateRejectedException(Reason.MALFORMED);
        }
        // possession first: a chain copied from somewhere else proves nothing, whatever its standing
        CertificateChecker.verifyPossession(chain.get(0), proof.challenge(), signature);
        String subjectId = checker.check(chain, now);
        // spent last, only by a proof that holds: a wrong attempt does not burn the client's challenge
        if (!identities.spendOnce(CHALLENGE_TYPE + ":" + challenge.getString("jti"),
                Instant.ofEpochSecond(challenge.getJsonNumber("exp").longValue()))) {
            throw new CertificateRejectedException(Reason.CHALLENGE_USED);
        }
        byte[] voterKey = secrets.voterKey("certificate:" + checker.identifierKind() + ":" + subjectId);
        Instant expires = now.plus(Duration.ofMinutes(CitySettings.certificateTokenTtlMinutes()));
        String token = new TokenCodec(secrets.tokenSecret()).issue(Json.createObjectBuilder()
                .add("iss", TokenCodec.ISSUER)
                .add("typ", TOKEN_TYPE)
                .add("vk", Base64.getUrlEncoder().withoutPadding().encodeToString(voterKey))
                .add("asr", AssuranceLevel.CERTIFICATE.name())
                .add("iat", now.getEpochSecond())
                .add("exp", expires.getEpochSecond())
                .add("jti", UUID.randomUUID().toString())
                .build());
        return new AccessToken(token, "Bearer", expires);
    }

    /** The claims of a challenge this server issued and that is still fresh. */
    private JsonObject challengeClaims(String challenge, Instant now) {
        JsonObject claims;
        try {
            claims = new TokenCodec(secrets.tokenSecret()).verify(challenge, now);
        } catch (InvalidTokenException e) {
            throw new CertificateRejectedException(e.reason() == InvalidTokenException.Reason.EXPIRED
                    ? Reason.CHALLENGE_EXPIRED : Reason.CHALLENGE_INVALID);
        }
        if (!CHALLENGE_TYPE.equals(claims.getString("typ", "")) || claims.getString("jti", "").isEmpty()) {
            throw new CertificateRejectedException(Reason.CHALLENGE_INVALID);
        }
        return claims;
    }
}
