package org.mvoting.infrastructure.webpush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class VapidTest {

    private static final Instant NOW = Instant.parse("2026-03-05T09:00:00Z");
    private static final URI ENDPOINT = URI.create("https://fcm.googleapis.com:443/fcm/send/dGVzdA?x=1");

    private static Vapid fresh() {
        KeyPair pair = P256.generate();
        return Vapid.of(P256.base64Url(P256.encode((ECPublicKey) pair.getPublic())),
                P256.base64Url(P256.encode((ECPrivateKey) pair.getPrivate())), "mailto:push@city.go.kr");
    }

    private static JsonObject part(String jwt, int index) {
        String text = new String(P256.fromBase64Url(jwt.split("\\.")[index]), StandardCharsets.UTF_8);
        return Json.createReader(new StringReader(text)).readObject();
    }

    @Test
    void theTokenIsAnEs256JwtForThePushServiceOriginThatThePublicKeyVerifies() {
        Vapid vapid = fresh();

        String jwt = vapid.token(ENDPOINT, NOW);

        assertEquals("ES256", part(jwt, 0).getString("alg"));
        assertEquals("JWT", part(jwt, 0).getString("typ"));
        JsonObject claims = part(jwt, 1);
        assertEquals("https://fcm.googleapis.com:443", claims.getString("aud"));
        assertEquals("mailto:push@city.go.kr", claims.getString("sub"));
        long exp = claims.getJsonNumber("exp").longValue();
        assertTrue(exp > NOW.getEpochSecond() && exp <= NOW.plus(Duration.ofHours(24)).getEpochSecond(),
                "RFC 8292 §2: exp no more than 24 hours ahead");
        assertEquals(64, P256.fromBase64Url(jwt.split("\\.")[2]).length, "JWS ES256 signature is R || S");
        assertTrue(Vapid.verify(jwt, vapid.publicKey()));
    }

    @Test
    void anotherKeyOrAnAlteredClaimDoesNotVerify() {
        Vapid vapid = fresh();
        String jwt = vapid.token(ENDPOINT, NOW);
        String[] parts = jwt.split("\\.");
        String forged = parts[0] + "." + P256.base64Url(
                "{\"aud\":\"https://evil.example\",\"exp\":1,\"sub\":\"mailto:x@y\"}".getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];

        assertFalse(Vapid.verify(jwt, fresh().publicKey()));
        assertFalse(Vapid.verify(forged, vapid.publicKey()));
        assertFalse(Vapid.verify("not-a-jwt", vapid.publicKey()));
    }

    @Test
    void theAuthorizationHeaderCarriesTheTokenAndTheKeyTheBrowserSubscribedWith() {
        Vapid vapid = fresh();

        String header = vapid.authorization(ENDPOINT, NOW);

        assertTrue(header.startsWith("vapid t="), header);
        String token = header.substring("vapid t=".length(), header.indexOf(", k="));
        assertEquals(vapid.publicKeyText(), header.substring(header.indexOf(", k=") + 4));
        assertTrue(Vapid.verify(token, P256.fromBase64Url(vapid.publicKeyText())));
    }

    @Test
    void mismatchedKeysABadSubjectOrAMalformedKeyAreRefusedAtConfiguration() {
        KeyPair one = P256.generate();
        KeyPair two = P256.generate();
        String onePublic = P256.base64Url(P256.encode((ECPublicKey) one.getPublic()));
        String twoPrivate = P256.base64Url(P256.encode((ECPrivateKey) two.getPrivate()));
        String onePrivate = P256.base64Url(P256.encode((ECPrivateKey) one.getPrivate()));

        assertThrows(IllegalArgumentException.class, () -> Vapid.of(onePublic, twoPrivate, "mailto:a@b.kr"));
        assertThrows(IllegalArgumentException.class, () -> Vapid.of(onePublic, onePrivate, "push@city.go.kr"));
        assertThrows(IllegalArgumentException.class, () -> Vapid.of("AAAA", onePrivate, "mailto:a@b.kr"));
        assertEquals(onePublic, Vapid.of(onePublic, onePrivate, "https://city.go.kr/contact").publicKeyText());
        assertFalse(Vapid.of(onePublic, onePrivate, "mailto:a@b.kr").toString().contains(onePrivate));
    }
}
