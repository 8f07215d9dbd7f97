package org.mvoting.it;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs tokens the way a forger, or the server with the test secret, would: HS256 JWTs under
 * HMAC(secret, "mvoting/token"). Used to present expired and forged tokens.
 */
final class TestTokens {

    private TestTokens() {
    }

    static String signedWithServerKey(long expiresEpochSecond) {
        return sign(hmac(System.getProperty("mvoting.test.secret").getBytes(StandardCharsets.UTF_8),
                "mvoting/token"), expiresEpochSecond);
    }

    static String signedWithOtherKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return sign(key, Instant.now().plusSeconds(3600).getEpochSecond());
    }

    private static String sign(byte[] key, long exp) {
        byte[] voterKey = new byte[32];
        new SecureRandom().nextBytes(voterKey);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(Json.createObjectBuilder()
                .add("iss", "mvoting").add("sub", "test").add("vk", b64.encodeToString(voterKey))
                .add("asr", "SMS_VERIFIED").add("iat", exp - 7200).add("exp", exp)
                .build().toString().getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + "." + b64.encodeToString(hmac(key, header + "." + claims));
    }

    private static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
