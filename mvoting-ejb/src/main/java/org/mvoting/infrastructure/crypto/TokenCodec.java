package org.mvoting.infrastructure.crypto;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.errors.InvalidTokenException.Reason;

/**
 * mVoting's bearer tokens: compact JWS (JWT) signed with HMAC-SHA256 under a server-derived key.
 * Only HS256 is accepted ("alg":"none" and key confusion are refused by construction), and the issuer
 * and expiry are checked.
 */
public final class TokenCodec {

    public static final String ISSUER = "mvoting";
    /** Looked up once: finding the JSON provider on every token costs a class-loader scan. */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(null);
    private static final String HEADER = b64(("{\"alg\":\"HS256\",\"typ\":\"JWT\"}").getBytes(StandardCharsets.UTF_8));

    private final byte[] key;

    public TokenCodec(byte[] key) {
        this.key = key.clone();
    }

    /** Signs the claims (which must already hold iss, iat and exp). */
    public String issue(JsonObject claims) {
        String signingInput = HEADER + "." + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + b64(sign(signingInput));
    }

    /** The claims of a genuine, unexpired token; otherwise an {@link InvalidTokenException} saying why. */
    public JsonObject verify(String token, Instant now) {
        if (token == null || token.isBlank()) {
            throw new InvalidTokenException(Reason.MISSING);
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || token.length() > 4096) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        JsonObject header = parse(parts[0]);
        if (!"HS256".equals(header.getString("alg", null))) {
            throw new InvalidTokenException(Reason.FORGED);
        }
        byte[] presented;
        try {
            presented = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (!MessageDigest.isEqual(sign(parts[0] + "." + parts[1]), presented)) {
            throw new InvalidTokenException(Reason.FORGED);
        }
        JsonObject claims = parse(parts[1]);
        if (!ISSUER.equals(claims.getString("iss", null))) {
            throw new InvalidTokenException(Reason.FORGED);
        }
        JsonNumber exp;
        try {
            exp = claims.getJsonNumber("exp");
        } catch (ClassCastException notANumber) {
            exp = null;
        }
        if (exp == null) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        Instant expiresAt;
        try { // exact: 1e30 must not wrap around to some other second, nor a fraction be cut off
            expiresAt = Instant.ofEpochSecond(exp.longValueExact());
        } catch (ArithmeticException | DateTimeException outOfRange) { // found by TokenCodecFuzzTest
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (!now.isBefore(expiresAt)) {
            throw new InvalidTokenException(Reason.EXPIRED);
        }
        return claims;
    }

    private static JsonObject parse(String part) {
        try (JsonReader reader = READERS.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8)))) {
            return reader.readObject();
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
    }

    private byte[] sign(String signingInput) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
