package org.mvoting.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.mvoting.api.errors.InvalidTokenException;

/**
 * A mobile-office JWT, forged or genuine, is either a staff identity or an {@link InvalidTokenException}: never
 * another exception. {@code anyToken} feeds whole tokens; {@code signedClaims} signs the fuzzer's claims (and
 * {@code signedHeader} its header) with the provider's real ES256 key, so the parsing after the signature check is
 * fuzzed too. The key is made per run, so the corpus holds no signed token: structure and claims only.
 * Corpus: {@code MobileOfficeTokenVerifierFuzzTestInputs/<method>}; JAZZER_FUZZ=1 fuzzes.
 */
class MobileOfficeTokenVerifierFuzzTest {

    private static final String ISSUER = "https://mobile-office.city.example/idp";
    private static final Instant NOW = Instant.parse("2030-03-01T09:00:00Z");
    private static final KeyPair EC = TestJws.ecKeyPair();
    private static final MobileOfficeTokenVerifier VERIFIER = new MobileOfficeTokenVerifier(EC.getPublic(), ISSUER,
            "mvoting", Duration.ofSeconds(60), Clock.fixed(NOW, ZoneOffset.UTC));
    private static final String ES256_HEADER = "{\"alg\":\"ES256\",\"typ\":\"JWT\"}";
    private static final long QUICK_NANOS = 10_000_000_000L; // catastrophic backtracking or a loop, not a slow build machine

    @FuzzTest(maxDuration = "2m")
    void anyToken(byte[] input) {
        verifyOrRefuse(new String(input, StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "2m")
    void signedClaims(byte[] claimsJson) {
        verifyOrRefuse(TestJws.signRaw(EC.getPrivate(), "ES256", ES256_HEADER,
                new String(claimsJson, StandardCharsets.UTF_8)));
    }

    @FuzzTest(maxDuration = "2m")
    void signedHeader(byte[] headerJson) {
        verifyOrRefuse(TestJws.signRaw(EC.getPrivate(), "ES256", new String(headerJson, StandardCharsets.UTF_8),
                "{\"iss\":\"" + ISSUER + "\",\"aud\":\"mvoting\",\"sub\":\"staff.kim-01\",\"exp\":"
                        + NOW.plusSeconds(600).getEpochSecond() + "}"));
    }

    private static void verifyOrRefuse(String token) {
        long started = System.nanoTime();
        try {
            MobileOfficeIdentity staff = VERIFIER.verify(token);
            assertFalse(staff.staffId().isBlank());
            assertTrue(staff.expiresAt().isAfter(NOW.minusSeconds(60)), "an expired token passed");
        } catch (InvalidTokenException refused) {
            // the one expected refusal
        }
        assertTrue(System.nanoTime() - started < QUICK_NANOS, "one token took more than ten seconds");
    }
}
