package org.mvoting.infrastructure.webpush;

import jakarta.json.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Voluntary Application Server Identification (RFC 8292): the city signs, for each push service origin, a short
 * ES256 JWT ({@code aud} = the origin, {@code exp}, {@code sub} = a mailto: or https: contact) and sends it with its
 * public key as {@code Authorization: vapid t=<jwt>, k=<key>}. The browser subscribed with that public key, so the
 * push service delivers only what the holder of the private key signed.
 *
 * @param publicKey the 65-byte uncompressed public key (what the browser gets as applicationServerKey)
 * @param privateKey the matching private key
 * @param subject who the push service can contact about this sender: {@code mailto:} or {@code https:}
 */
public record Vapid(byte[] publicKey, ECPrivateKey privateKey, String subject) {

    /** How long a token is good for: RFC 8292 §2 forbids more than 24 hours; 12 leaves room for clock skew. */
    public static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    public Vapid {
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(privateKey, "privateKey");
        P256.publicKey(publicKey); // a bad key fails here, not at the first push
        if (subject == null || !(subject.startsWith("mailto:") || subject.startsWith("https://"))) {
            throw new IllegalArgumentException("the VAPID subject is a mailto: or https: address");
        }
        publicKey = publicKey.clone();
    }

    /** The pair from its base64url texts (MVOTING_VAPID_PUBLIC_KEY, MVOTING_VAPID_PRIVATE_KEY); they must match. */
    public static Vapid of(String publicKey, String privateKey, String subject) {
        Vapid vapid = new Vapid(P256.fromBase64Url(publicKey), P256.privateKey(P256.fromBase64Url(privateKey)), subject);
        if (!verify(vapid.token(URI.create("https://push.invalid"), Instant.now()), vapid.publicKey())) {
            throw new IllegalArgumentException("the VAPID public key does not belong to the private key");
        }
        return vapid;
    }

    @Override
    public byte[] publicKey() {
        return publicKey.clone();
    }

    /** The base64url public key, as the page hands it to {@code pushManager.subscribe}. */
    public String publicKeyText() {
        return P256.base64Url(publicKey);
    }

    /** The Authorization header for a push to {@code endpoint}, signed now. */
    public String authorization(URI endpoint, Instant now) {
        return "vapid t=" + token(endpoint, now) + ", k=" + publicKeyText();
    }

    /** The JWT for the origin of {@code endpoint} (scheme://host[:port]), valid {@link #TOKEN_LIFETIME}. */
    public String token(URI endpoint, Instant now) {
        String header = "{\"typ\":\"JWT\",\"alg\":\"ES256\"}";
        String claims = Json.createObjectBuilder()
                .add("aud", origin(endpoint))
                .add("exp", now.plus(TOKEN_LIFETIME).getEpochSecond())
                .add("sub", subject)
                .build().toString();
        String signingInput = P256.base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + P256.base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            // JWS wants R || S (64 bytes), which is what the JDK's P1363 format gives, not DER
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initSign(privateKey);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + P256.base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign the VAPID token", e);
        }
    }

    /** Whether {@code jwt} carries a valid ES256 signature by {@code publicKey} (what a push service checks). */
    public static boolean verify(String jwt, byte[] publicKey) {
        int lastDot = jwt.lastIndexOf('.');
        if (lastDot < 0) {
            return false;
        }
        try {
            ECPublicKey key = P256.publicKey(publicKey);
            Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
            signature.initVerify(key);
            signature.update(jwt.substring(0, lastDot).getBytes(StandardCharsets.US_ASCII));
            return signature.verify(P256.fromBase64Url(jwt.substring(lastDot + 1)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The push service's origin: the audience of the token (RFC 8292 §2). */
    static String origin(URI endpoint) {
        if (endpoint.getScheme() == null || endpoint.getHost() == null) {
            throw new IllegalArgumentException("not an absolute URL: " + endpoint);
        }
        return endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Vapid v && Arrays.equals(publicKey, v.publicKey) && subject.equals(v.subject);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey) * 31 + subject.hashCode();
    }

    @Override
    public String toString() {
        return "Vapid[" + publicKeyText() + ", " + subject + "]"; // never the private key
    }
}
