package org.mvoting.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvoting.api.errors.IdentityProviderUnavailableException;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.errors.InvalidTokenException.Reason;

/** The identity provider's key set served by a real local HTTP server: rotation, unknown kids, outages, bad tokens. */
class MobileOfficeKeySetTest {

    private static final String ISSUER = "https://mobile-office.city.example/idp";
    private static final String AUDIENCE = "mvoting";
    private static final Instant START = Instant.parse("2030-03-01T09:00:00Z");
    private static final Duration MAX_AGE = Duration.ofMinutes(10);
    private static final Duration MIN_REFETCH = Duration.ofSeconds(30);

    private static final KeyPair FIRST = TestJws.rsaKeyPair();
    private static final KeyPair SECOND = TestJws.rsaKeyPair();
    private static final KeyPair EC = TestJws.ecKeyPair();

    private final MovableClock clock = new MovableClock(START);
    private final AtomicReference<String> served = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicInteger fetches = new AtomicInteger();
    private HttpServer server;
    private MobileOfficeKeySet keySet;

    @BeforeEach
    void provider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/jwks", exchange -> {
            fetches.incrementAndGet();
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/jwk-set+json");
            exchange.sendResponseHeaders(status.get(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        keySet = keySetAt(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/jwks"));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private MobileOfficeKeySet keySetAt(URI uri) {
        return new MobileOfficeKeySet(uri, ISSUER, AUDIENCE, Duration.ofSeconds(60), clock, MAX_AGE, MIN_REFETCH);
    }

    @Test
    void aTokenIsCheckedWithTheKeyItsKidNamesAndTheSetIsFetchedOnceWhileFresh() {
        served.set(jwks(rsa("k1", FIRST), ec("k-ec", EC)));

        assertEquals("staff.kim", keySet.verify(token("k1", FIRST, claims())).staffId());
        assertEquals("staff.kim", keySet.verify(TestJws.sign(EC.getPrivate(), header("ES256", "k-ec"), claims())).staffId());
        clock.advance(Duration.ofMinutes(5));
        keySet.verify(token("k1", FIRST, claims()));
        assertEquals(1, fetches.get(), "one fetch while the set is fresh");

        // signed by another key under a kid the set holds: the signature decides
        InvalidTokenException forged = assertThrows(InvalidTokenException.class,
                () -> keySet.verify(token("k1", SECOND, claims())));
        assertEquals(Reason.BAD_SIGNATURE, forged.reason());
    }

    @Test
    void aRotatedKeyIsFetchedWhenATokenNamesItWithoutARedeploy() {
        served.set(jwks(rsa("k1", FIRST)));
        keySet.verify(token("k1", FIRST, claims()));

        served.set(jwks(rsa("k1", FIRST), rsa("k2", SECOND))); // the provider rotates
        clock.advance(MIN_REFETCH);
        assertEquals("staff.kim", keySet.verify(token("k2", SECOND, claims())).staffId());
        assertEquals(2, fetches.get());

        served.set(jwks(rsa("k2", SECOND))); // and retires the old key: gone once the cache is old
        clock.advance(MAX_AGE.plusSeconds(1));
        InvalidTokenException retired = assertThrows(InvalidTokenException.class,
                () -> keySet.verify(token("k1", FIRST, claims())));
        assertEquals(Reason.UNKNOWN_KEY, retired.reason());
        assertEquals("token-unknown-key", retired.code());
    }

    @Test
    void unknownKidsRefetchAtMostOncePerPause() {
        served.set(jwks(rsa("k1", FIRST)));
        keySet.verify(token("k1", FIRST, claims()));
        clock.advance(MIN_REFETCH);

        for (int i = 0; i < 20; i++) {
            String kid = "made-up-" + i;
            InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> keySet.verify(token(kid, FIRST, claims())));
            assertEquals(Reason.UNKNOWN_KEY, e.reason());
        }
        assertEquals(2, fetches.get(), "twenty unknown kids, one refetch");
        clock.advance(MIN_REFETCH);
        assertThrows(InvalidTokenException.class, () -> keySet.verify(token("made-up-again", FIRST, claims())));
        assertEquals(3, fetches.get());
    }

    @Test
    void aProviderThatNeverAnsweredIsA503AndIsNotAskedAgainAtOnce() throws IOException {
        served.set(jwks(rsa("k1", FIRST)));
        server.stop(0);

        assertThrows(IdentityProviderUnavailableException.class, () -> keySet.verify(token("k1", FIRST, claims())));
        IdentityProviderUnavailableException again = assertThrows(IdentityProviderUnavailableException.class,
                () -> keySet.verify(token("k1", FIRST, claims())));
        assertEquals("mobile-office-unavailable", again.code());
        assertEquals(org.mvoting.api.errors.ErrorKind.UNAVAILABLE, again.kind());
    }

    @Test
    void anErrorOrNonsenseFromTheProviderIsA503UntilItAnswersWell() {
        status.set(500);
        served.set("oops");
        assertThrows(IdentityProviderUnavailableException.class, () -> keySet.verify(token("k1", FIRST, claims())));
        status.set(200);
        served.set("{\"keys\":[{\"kty\":\"oct\",\"k\":\"c2VjcmV0\"}]}"); // an HMAC secret is no signing key here
        clock.advance(MIN_REFETCH);
        assertThrows(IdentityProviderUnavailableException.class, () -> keySet.verify(token("k1", FIRST, claims())));
        served.set(jwks(rsa("k1", FIRST)));
        clock.advance(MIN_REFETCH);
        assertEquals("staff.kim", keySet.verify(token("k1", FIRST, claims())).staffId());
    }

    @Test
    void whenTheProviderGoesDownTheKeysFetchedBeforeServeOn() {
        served.set(jwks(rsa("k1", FIRST)));
        keySet.verify(token("k1", FIRST, claims()));
        server.stop(0);
        clock.advance(MAX_AGE.plusSeconds(1)); // due for a refetch, which fails

        assertEquals("staff.kim", keySet.verify(token("k1", FIRST, claims())).staffId());
        InvalidTokenException unknown = assertThrows(InvalidTokenException.class,
                () -> keySet.verify(token("k2", SECOND, claims())));
        assertEquals(Reason.UNKNOWN_KEY, unknown.reason());
    }

    @Test
    void expiredTokensAndTokensForAnotherAudienceAreRefusedWithTheirReason() {
        served.set(jwks(rsa("k1", FIRST)));
        Map<String, Object> expired = claims();
        expired.put("exp", START.minusSeconds(3600).getEpochSecond());
        expired.put("iat", START.minusSeconds(7200).getEpochSecond());
        assertEquals(Reason.EXPIRED, assertThrows(InvalidTokenException.class,
                () -> keySet.verify(token("k1", FIRST, expired))).reason());

        Map<String, Object> elsewhere = claims();
        elsewhere.put("aud", "another-app");
        assertEquals(Reason.WRONG_AUDIENCE, assertThrows(InvalidTokenException.class,
                () -> keySet.verify(token("k1", FIRST, elsewhere))).reason());
    }

    @Test
    void aTokenWithoutKidIsTakenOnlyWhenTheSetHoldsOneKey() {
        served.set(jwks(rsa("k1", FIRST)));
        assertEquals("staff.kim", keySet.verify(TestJws.rs256(FIRST.getPrivate(), claims())).staffId());

        served.set(jwks(rsa("k1", FIRST), rsa("k2", SECOND)));
        clock.advance(MAX_AGE.plusSeconds(1));
        assertEquals(Reason.UNKNOWN_KEY, assertThrows(InvalidTokenException.class,
                () -> keySet.verify(TestJws.rs256(FIRST.getPrivate(), claims()))).reason());
    }

    @Test
    void keysForEncryptionOrAnotherAlgorithmAreNotSigningKeys() {
        served.set(jwks(rsa("k1", FIRST), member(rsa("enc", SECOND), "\"use\":\"enc\""),
                member(rsa("hs", SECOND), "\"alg\":\"HS256\"")));
        keySet.verify(token("k1", FIRST, claims()));
        clock.advance(MIN_REFETCH);
        assertEquals(Reason.UNKNOWN_KEY, assertThrows(InvalidTokenException.class,
                () -> keySet.verify(token("enc", SECOND, claims()))).reason());
        clock.advance(MIN_REFETCH);
        assertEquals(Reason.UNKNOWN_KEY, assertThrows(InvalidTokenException.class,
                () -> keySet.verify(token("hs", SECOND, claims()))).reason());
    }

    @Test
    void malformedTokensAndOtherSchemesAreRefused() {
        served.set(jwks(rsa("k1", FIRST)));
        assertEquals(Reason.MISSING, assertThrows(InvalidTokenException.class, () -> keySet.verify(" ")).reason());
        assertEquals(Reason.MALFORMED, assertThrows(InvalidTokenException.class, () -> keySet.verify("abc")).reason());
        assertEquals(Reason.MALFORMED, assertThrows(InvalidTokenException.class,
                () -> keySet.verify(TestJws.b64url("{\"kid\":7}") + ".e30.AA")).reason());
        assertEquals(0, fetches.get(), "nothing is fetched for a token that cannot name a key");
        assertThrows(IllegalArgumentException.class, () -> keySetAt(URI.create("file:///etc/passwd")));
    }

    // --- helpers ---------------------------------------------------------------------------------------

    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", "staff.kim");
        claims.put("iat", START.minusSeconds(60).getEpochSecond());
        claims.put("exp", START.plus(Duration.ofHours(2)).getEpochSecond());
        return claims;
    }

    private static Map<String, Object> header(String alg, String kid) {
        Map<String, Object> header = TestJws.header(alg);
        header.put("kid", kid);
        return header;
    }

    private static String token(String kid, KeyPair key, Map<String, Object> claims) {
        return TestJws.sign(key.getPrivate(), header("RS256", kid), claims);
    }

    private static String rsa(String kid, KeyPair pair) {
        RSAPublicKey key = (RSAPublicKey) pair.getPublic();
        return "{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"n\":\"" + unsigned(key.getModulus())
                + "\",\"e\":\"" + unsigned(key.getPublicExponent()) + "\"}";
    }

    private static String ec(String kid, KeyPair pair) {
        ECPublicKey key = (ECPublicKey) pair.getPublic();
        return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"kid\":\"" + kid + "\",\"alg\":\"ES256\",\"use\":\"sig\",\"x\":\""
                + fixed(key.getW().getAffineX()) + "\",\"y\":\"" + fixed(key.getW().getAffineY()) + "\"}";
    }

    private static String member(String jwk, String extra) {
        return jwk.substring(0, jwk.length() - 1) + "," + extra + "}";
    }

    private static String jwks(String... keys) {
        return "{\"keys\":[" + String.join(",", List.of(keys)) + "]}";
    }

    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes[0] == 0 && bytes.length > 1) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return TestJws.b64url(bytes);
    }

    private static String fixed(BigInteger coordinate) {
        byte[] bytes = coordinate.toByteArray();
        byte[] out = new byte[32];
        int length = Math.min(bytes.length, 32);
        System.arraycopy(bytes, bytes.length - length, out, 32 - length, length);
        return TestJws.b64url(out);
    }

    /** A clock the test moves on by hand. */
    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
