package org.mvoting.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mvoting.api.errors.InvalidTokenException;

/**
 * A citizen token, forged or genuine, is either claims of a current token from us or an {@link InvalidTokenException}:
 * never another exception. {@code anyToken} feeds whole tokens (the corpus holds a genuine one to mutate);
 * {@code signedClaims} signs whatever claims the fuzzer makes with the real key, so the code after the signature
 * check is fuzzed too. Corpus: {@code TokenCodecFuzzTestInputs/<method>}; JAZZER_FUZZ=1 fuzzes.
 */
class TokenCodecFuzzTest {

    /** The key the corpus's genuine token is signed with ({@code anyToken/genuine}, valid until 2030-03-01T10:00Z). */
    private static final byte[] KEY = "token-key-derived-from-the-secret".getBytes(StandardCharsets.US_ASCII);
    private static final Instant NOW = Instant.parse("2030-03-01T09:00:00Z");
    private static final String HEADER = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    private static final long QUICK_NANOS = 10_000_000_000L; // catastrophic backtracking or a loop, not a slow build machine

    private final TokenCodec codec = new TokenCodec(KEY);

    @FuzzTest(maxDuration = "2m")
    void anyToken(byte[] input) {
        verifyOrRefuse(new String(input, StandardCharsets.UTF_8));
    }

    @FuzzTest(maxDuration = "2m")
    void signedClaims(byte[] claimsJson) throws GeneralSecurityException {
        String signingInput = HEADER + "." + b64(claimsJson);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        verifyOrRefuse(signingInput + "." + b64(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII))));
    }

    private void verifyOrRefuse(String token) {
        long started = System.nanoTime();
        try {
            JsonObject claims = codec.verify(token, NOW);
            assertEquals(TokenCodec.ISSUER, claims.getString("iss"));
            assertTrue(claims.getJsonNumber("exp").longValue() > NOW.getEpochSecond(), "a token past its exp passed");
        } catch (InvalidTokenException refused) {
            // the one expected refusal
        }
        assertTrue(System.nanoTime() - started < QUICK_NANOS, "one token took more than ten seconds");
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
