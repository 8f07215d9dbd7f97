package org.mvoting.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mvoting.api.errors.ErrorKind;
import org.mvoting.api.errors.InvalidTokenException;

class TokenCodecTest {

    private static final byte[] KEY = "token-key-derived-from-the-secret".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_KEY = "a-completely-different-token-key!".getBytes(StandardCharsets.US_ASCII);
    private static final Instant ISSUED = Instant.parse("2030-03-01T09:00:00Z");
    private static final Instant EXPIRES = ISSUED.plus(Duration.ofHours(1));

    private final TokenCodec codec = new TokenCodec(KEY);

    private static JsonObject claims(String issuer, String subject) {
        return Json.createObjectBuilder()
                .add("iss", issuer)
                .add("sub", subject)
                .add("iat", ISSUED.getEpochSecond())
                .add("exp", EXPIRES.getEpochSecond())
                .build();
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private InvalidTokenException refused(String token, Instant at) {
        return assertThrows(InvalidTokenException.class, () -> codec.verify(token, at));
    }

    @Test
    void issuedTokenVerifiesAndReturnsItsClaims() {
        JsonObject claims = claims(TokenCodec.ISSUER, "citizen-42");

        JsonObject verified = codec.verify(codec.issue(claims), ISSUED.plusSeconds(10));

        assertEquals(claims, verified);
        assertEquals("citizen-42", verified.getString("sub"));
    }

    @Test
    void issuedTokenIsACompactJwsWithAnHs256Header() {
        String[] parts = codec.issue(claims(TokenCodec.ISSUER, "c")).split("\\.", -1);

        assertEquals(3, parts.length);
        JsonObject header = Json.createReader(new java.io.StringReader(
                new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8))).readObject();
        assertEquals("HS256", header.getString("alg"));
        assertEquals("JWT", header.getString("typ"));
    }

    @Test
    void tamperedPayloadIsForged() {
        String[] parts = codec.issue(claims(TokenCodec.ISSUER, "citizen-42")).split("\\.");
        String otherPayload = b64(claims(TokenCodec.ISSUER, "citizen-43").toString());

        InvalidTokenException e = refused(parts[0] + "." + otherPayload + "." + parts[2], ISSUED);

        assertEquals("token-forged", e.code());
        assertEquals(ErrorKind.UNAUTHENTICATED, e.kind());
    }

    @Test
    void tamperedSignatureIsForged() {
        String token = codec.issue(claims(TokenCodec.ISSUER, "citizen-42"));
        String[] parts = token.split("\\.");
        char first = parts[2].charAt(0);
        String otherSignature = (first == 'A' ? 'B' : 'A') + parts[2].substring(1);

        assertEquals("token-forged", refused(parts[0] + "." + parts[1] + "." + otherSignature, ISSUED).code());
    }

    @Test
    void emptySignatureIsForged() {
        String[] parts = codec.issue(claims(TokenCodec.ISSUER, "c")).split("\\.");

        assertEquals("token-forged", refused(parts[0] + "." + parts[1] + ".", ISSUED).code());
    }

    @Test
    void tokenSignedWithAnotherKeyIsForged() {
        String token = new TokenCodec(OTHER_KEY).issue(claims(TokenCodec.ISSUER, "citizen-42"));

        assertEquals("token-forged", refused(token, ISSUED).code());
    }

    @Test
    void algNoneTokenIsForged() {
        String token = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + b64(claims(TokenCodec.ISSUER, "admin").toString()) + ".";

        assertEquals("token-forged", refused(token, ISSUED).code());
    }

    @Test
    void algNoneHeaderOverAGenuineSignatureIsStillForged() {
        String[] parts = codec.issue(claims(TokenCodec.ISSUER, "c")).split("\\.");
        String token = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];

        assertEquals("token-forged", refused(token, ISSUED).code());
    }

    @Test
    void otherAlgorithmThanHs256IsForged() {
        String[] parts = codec.issue(claims(TokenCodec.ISSUER, "c")).split("\\.");
        String token = b64("{\"alg\":\"HS512\",\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];

        assertEquals("token-forged", refused(token, ISSUED).code());
    }

    @Test
    void headerWithoutAlgIsForged() {
        String[] parts = codec.issue(claims(TokenCodec.ISSUER, "c")).split("\\.");
        String token = b64("{\"typ\":\"JWT\"}") + "." + parts[1] + "." + parts[2];

        assertEquals("token-forged", refused(token, ISSUED).code());
    }

    @Test
    void wrongIssuerIsForgedEvenWhenSignedWithTheRightKey() {
        String token = codec.issue(claims("someone-else", "citizen-42"));

        assertEquals("token-forged", refused(token, ISSUED).code());
    }

    @Test
    void missingIssuerIsForged() {
        JsonObject noIssuer = Json.createObjectBuilder().add("sub", "c")
                .add("exp", EXPIRES.getEpochSecond()).build();

        assertEquals("token-forged", refused(codec.issue(noIssuer), ISSUED).code());
    }

    @Test
    void tokenIsValidUntilJustBeforeItsExpiry() {
        String token = codec.issue(claims(TokenCodec.ISSUER, "c"));

        assertEquals("c", codec.verify(token, EXPIRES.minusMillis(1)).getString("sub"));
    }

    @Test
    void tokenAtItsExpiryIsExpired() {
        String token = codec.issue(claims(TokenCodec.ISSUER, "c"));

        assertEquals("token-expired", refused(token, EXPIRES).code());
    }

    @Test
    void tokenAfterItsExpiryIsExpired() {
        String token = codec.issue(claims(TokenCodec.ISSUER, "c"));

        assertEquals("token-expired", refused(token, EXPIRES.plus(Duration.ofDays(1))).code());
    }

    @Test
    void signedTokenWithoutExpiryIsMalformed() {
        JsonObject noExpiry = Json.createObjectBuilder().add("iss", TokenCodec.ISSUER).add("sub", "c").build();

        assertEquals("token-malformed", refused(codec.issue(noExpiry), ISSUED).code());
    }
    @Test
    void signedTokenWithANonNumericExpiryIsMalformed() {
        JsonObject stringExpiry = Json.createObjectBuilder().add("iss", TokenCodec.ISSUER)
                .add("exp", String.valueOf(EXPIRES.getEpochSecond())).build();

        assertEquals("token-malformed", refused(codec.issue(stringExpiry), ISSUED).code());
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "abc.def", "a.b.c.d", "!!!.???.***", "a.b.c", ".."})
    void garbageIsMalformed(String token) {
        assertEquals("token-malformed", refused(token, ISSUED).code());
    }

    @Test
    void headerAndPayloadWithoutSignatureSectionIsMalformed() {
        String[] parts = codec.issue(claims(TokenCodec.ISSUER, "c")).split("\\.");

        assertEquals("token-malformed", refused(parts[0] + "." + parts[1], ISSUED).code());
    }

    @Test
    void signatureThatIsNotBase64IsMalformed() {
        String[] parts = codec.issue(claims(TokenCodec.ISSUER, "c")).split("\\.");

        assertEquals("token-malformed", refused(parts[0] + "." + parts[1] + ".not*base64", ISSUED).code());
    }

    @Test
    void headerThatIsNotAJsonObjectIsMalformed() {
        String[] parts = codec.issue(claims(TokenCodec.ISSUER, "c")).split("\\.");

        assertEquals("token-malformed", refused(b64("[1,2]") + "." + parts[1] + "." + parts[2], ISSUED).code());
        assertEquals("token-malformed", refused(b64("not json") + "." + parts[1] + "." + parts[2], ISSUED).code());
    }

    @Test
    void overlongTokenIsMalformed() {
        String huge = Json.createObjectBuilder().add("iss", TokenCodec.ISSUER).add("pad", "x".repeat(5000))
                .add("exp", EXPIRES.getEpochSecond()).build().toString();
        String token = codec.issue(Json.createReader(new java.io.StringReader(huge)).readObject());

        assertEquals("token-malformed", refused(token, ISSUED).code());
    }

    @Test
    void nullTokenIsMissing() {
        assertEquals("token-missing", refused(null, ISSUED).code());
    }

    @Test
    void blankTokenIsMissing() {
        assertEquals("token-missing", refused("", ISSUED).code());
        assertEquals("token-missing", refused("   ", ISSUED).code());
    }

    @Test
    void codecKeepsItsOwnCopyOfTheKey() {
        byte[] key = KEY.clone();
        TokenCodec own = new TokenCodec(key);
        String token = own.issue(claims(TokenCodec.ISSUER, "c"));
        key[0] ^= 1;

        assertEquals("c", own.verify(token, ISSUED).getString("sub"));
    }
}
