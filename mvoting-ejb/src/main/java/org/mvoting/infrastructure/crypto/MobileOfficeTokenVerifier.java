package org.mvoting.infrastructure.crypto;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.errors.InvalidTokenException.Reason;

/**
 * Verifies the bearer tokens of the city's "mobile office" identity provider (the staff app): compact JWS
 * (JWT) signed with RS256 or ES256 under the provider's public key.
 *
 * <p>The algorithm is fixed by the configured key, never chosen by the token: an RSA key accepts only
 * {@code RS256}, a P-256 key only {@code ES256}; {@code none}, HMAC ({@code HS*}, the classic "public key as
 * HMAC secret" confusion) and every other algorithm are refused, as are headers with {@code crit}. Claims
 * are read only after the signature over {@code header.payload} has verified; then {@code iss} must be the
 * configured issuer, {@code aud} (a string or an array) must name the configured audience, {@code exp} is
 * required and {@code nbf}/{@code iat}, when present, must not lie in the future, each with the configured
 * clock skew. The subject is the staff portal ID: 1 to 64 characters of {@code [A-Za-z0-9._-]}.
 *
 * <p>Every refusal is an {@link InvalidTokenException} whose {@link Reason} says why; the token itself never
 * appears in an exception or a log. Instances are immutable and thread-safe.
 */
public final class MobileOfficeTokenVerifier {

    /** Longest token accepted, checked before anything is decoded. */
    public static final int MAX_TOKEN_LENGTH = 8192;
    /** Largest clock skew a verifier may be configured with. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(10);
    /** Smallest RSA modulus accepted for the provider's key. */
    public static final int MIN_RSA_BITS = 2048;

    private static final Pattern STAFF_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** 9999-12-31T23:59:59Z: a NumericDate beyond it is nonsense, not a long-lived token. */
    private static final BigDecimal MAX_NUMERIC_DATE = BigDecimal.valueOf(253_402_300_799L);
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final String PEM_BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String PEM_END = "-----END PUBLIC KEY-----";
    /**
     * Duplicate member names are refused (JSON-P 2.1's key strategy NONE), so a header or claim cannot mean
     * one thing here and another to the issuer. Looked up once: finding the provider costs a class-loader scan.
     */
    private static final JsonReaderFactory READERS = Json.createReaderFactory(
            Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));
    private static final ECParameterSpec P256 = p256();

    private final PublicKey key;
    private final String algorithm;
    private final String jcaAlgorithm;
    private final int signatureLength;
    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;

    /**
     * @param key       the provider's public key: RSA of at least 2048 bits (RS256) or EC on P-256 (ES256)
     * @param issuer    the exact {@code iss} the provider puts in its tokens
     * @param audience  the {@code aud} value that names mVoting
     * @param clockSkew tolerance for clock differences on {@code exp}, {@code nbf} and {@code iat} (0 to 10 minutes)
     * @param clock     the time source
     * @throws IllegalArgumentException if the key or a setting is unusable
     */
    public MobileOfficeTokenVerifier(PublicKey key, String issuer, String audience, Duration clockSkew, Clock clock) {
        Objects.requireNonNull(key, "key");
        this.issuer = requireText(issuer, "issuer");
        this.audience = requireText(audience, "audience");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (clockSkew.isNegative() || clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new IllegalArgumentException("clock skew must be between 0 and " + MAX_CLOCK_SKEW + ", not " + clockSkew);
        }
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS) {
                throw new IllegalArgumentException("RSA key of " + bits + " bits is too short; at least " + MIN_RSA_BITS + " needed");
            }
            this.algorithm = "RS256";
            this.jcaAlgorithm = "SHA256withRSA";
            this.signatureLength = (bits + 7) / 8;
        } else if (key instanceof ECPublicKey ec) {
            if (!isP256(ec.getParams())) {
                throw new IllegalArgumentException("EC key must be on P-256 (secp256r1) for ES256");
            }
            this.algorithm = "ES256";
            // JOSE carries ECDSA signatures as R || S (IEEE P1363), not DER.
            this.jcaAlgorithm = "SHA256withECDSAinP1363Format";
            this.signatureLength = 64;
        } else {
            throw new IllegalArgumentException("key must be an RSA or EC public key, not " + key.getAlgorithm());
        }
        this.key = key;
        try {
            Signature.getInstance(jcaAlgorithm).initVerify(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("this JVM cannot verify " + algorithm + " with the given key", e);
        }
    }

    /**
     * A verifier for a key given as PEM text: an X.509 SubjectPublicKeyInfo
     * ({@code -----BEGIN PUBLIC KEY-----}) holding an RSA or an EC P-256 key. Other parameters as for the
     * constructor.
     *
     * @throws IllegalArgumentException if the text is not such a key
     */
    public static MobileOfficeTokenVerifier fromPem(String pemPublicKey, String issuer, String audience,
                                                    Duration clockSkew, Clock clock) {
        return new MobileOfficeTokenVerifier(parsePem(pemPublicKey), issuer, audience, clockSkew, clock);
    }

    /** The JWS algorithm this verifier accepts, fixed by its key: {@code RS256} or {@code ES256}. */
    public String algorithm() {
        return algorithm;
    }

    /**
     * The staff member a genuine, current token issued by the mobile office for mVoting stands for.
     *
     * @param compactJws the token, as sent after {@code Bearer }
     * @throws InvalidTokenException if the token is missing, malformed, not validly signed with an accepted
     *                               algorithm, issued by someone else or for someone else, expired or not yet valid
     */
    public MobileOfficeIdentity verify(String compactJws) {
        if (compactJws == null || compactJws.isBlank()) {
            throw new InvalidTokenException(Reason.MISSING);
        }
        if (compactJws.length() > MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        String[] parts = compactJws.split("\\.", -1);
        if (parts.length != 3) { // a JWE has 5 parts; JSON serializations have none
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        byte[] headerBytes = decode(parts[0]);
        byte[] payloadBytes = decode(parts[1]);
        byte[] signature = decode(parts[2]);

        checkHeader(parse(headerBytes));
        byte[] signingInput = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
        if (!signatureValid(signingInput, signature)) {
            throw new InvalidTokenException(Reason.BAD_SIGNATURE);
        }

        // Only now is the payload trusted enough to be read.
        JsonObject claims = parse(payloadBytes);
        Instant now = clock.instant();
        checkIssuer(claims.get("iss"));
        checkAudience(claims.get("aud"));
        Instant expiresAt = numericDate(claims, "exp");
        if (expiresAt == null) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (!now.minus(clockSkew).isBefore(expiresAt)) {
            throw new InvalidTokenException(Reason.EXPIRED);
        }
        Instant latestStart = now.plus(clockSkew);
        for (String claim : new String[] {"nbf", "iat"}) {
            Instant at = numericDate(claims, claim);
            if (at != null && at.isAfter(latestStart)) {
                throw new InvalidTokenException(Reason.NOT_YET_VALID);
            }
        }
        return new MobileOfficeIdentity(staffId(claims.get("sub")), expiresAt);
    }

    private void checkHeader(JsonObject header) {
        if (!(header.get("alg") instanceof JsonString alg)) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (!algorithm.equals(alg.getString())) {
            throw new InvalidTokenException(Reason.UNSUPPORTED_ALGORITHM);
        }
        if (header.containsKey("crit")) { // no extension is understood here, so any critical one is refused
            throw new InvalidTokenException(Reason.MALFORMED);
        }
    }

    private boolean signatureValid(byte[] signingInput, byte[] signature) {
        if (signature.length != signatureLength) {
            return false;
        }
        if ("ES256".equals(algorithm) && !ecdsaComponentsInRange(signature)) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(jcaAlgorithm);
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (SignatureException e) {
            return false;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("cannot verify " + algorithm + " signatures", e);
        }
    }

    /**
     * r and s must both lie in [1, n-1]. The JDK checks this itself; checking here as well keeps a JVM with
     * CVE-2022-21449 (which accepted r = s = 0) from taking an all-zero signature.
     */
    private static boolean ecdsaComponentsInRange(byte[] signature) {
        BigInteger n = P256.getOrder();
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        return r.signum() > 0 && s.signum() > 0 && r.compareTo(n) < 0 && s.compareTo(n) < 0;
    }

    private void checkIssuer(JsonValue iss) {
        if (!(iss instanceof JsonString s) || !issuer.equals(s.getString())) {
            throw new InvalidTokenException(Reason.WRONG_ISSUER);
        }
    }

    private void checkAudience(JsonValue aud) {
        if (aud == null) {
            throw new InvalidTokenException(Reason.WRONG_AUDIENCE);
        }
        if (aud instanceof JsonString s) {
            if (!audience.equals(s.getString())) {
                throw new InvalidTokenException(Reason.WRONG_AUDIENCE);
            }
            return;
        }
        if (!(aud instanceof JsonArray values)) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        boolean found = false;
        for (JsonValue value : values) {
            if (!(value instanceof JsonString s)) {
                throw new InvalidTokenException(Reason.MALFORMED);
            }
            found |= audience.equals(s.getString());
        }
        if (!found) {
            throw new InvalidTokenException(Reason.WRONG_AUDIENCE);
        }
    }

    private static String staffId(JsonValue sub) {
        if (!(sub instanceof JsonString s) || !STAFF_ID.matcher(s.getString()).matches()) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        return s.getString();
    }

    /** A NumericDate claim (seconds since the epoch, possibly fractional), or null when absent. */
    private static Instant numericDate(JsonObject claims, String name) {
        JsonValue value = claims.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof JsonNumber number)) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        BigDecimal seconds;
        try {
            seconds = number.bigDecimalValue();
        } catch (RuntimeException tooLarge) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (seconds.signum() < 0 || seconds.compareTo(MAX_NUMERIC_DATE) > 0) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        long whole = seconds.longValue();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    /** Strict base64url without padding, in its one canonical spelling. */
    private static byte[] decode(String part) {
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                throw new InvalidTokenException(Reason.MALFORMED);
            }
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(part);
        } catch (IllegalArgumentException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        if (!BASE64URL.encodeToString(bytes).equals(part)) { // stray bits in the last character
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        return bytes;
    }

    private static JsonObject parse(byte[] utf8) {
        String json;
        try {
            json = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(utf8))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        try (JsonReader reader = READERS.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) { // JsonException, JsonParsingException, IllegalStateException, ...
            throw new InvalidTokenException(Reason.MALFORMED);
        }
    }

    private static PublicKey parsePem(String pem) {
        Objects.requireNonNull(pem, "pemPublicKey");
        String text = pem.strip();
        if (!text.startsWith(PEM_BEGIN) || !text.endsWith(PEM_END)) {
            throw new IllegalArgumentException("expected one PEM block " + PEM_BEGIN + " (X.509 SubjectPublicKeyInfo)");
        }
        String body = text.substring(PEM_BEGIN.length(), text.length() - PEM_END.length());
        if (body.contains("-----")) {
            throw new IllegalArgumentException("expected exactly one PEM block " + PEM_BEGIN);
        }
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the PEM block is not valid base64", e);
        }
        X509EncodedKeySpec spec = new X509EncodedKeySpec(der);
        for (String type : new String[] {"RSA", "EC"}) {
            try {
                return KeyFactory.getInstance(type).generatePublic(spec);
            } catch (InvalidKeySpecException notThisType) {
                // try the next type
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(type + " keys unsupported by this JVM", e);
            }
        }
        throw new IllegalArgumentException("the PEM block is not an RSA or EC public key");
    }

    /** The P-256 curve's parameters, for keys given as coordinates (a JWKS's {@code x} and {@code y}). */
    static ECParameterSpec p256Parameters() {
        return P256;
    }

    private static boolean isP256(ECParameterSpec params) {
        return params != null
                && params.getCurve().equals(P256.getCurve())
                && params.getGenerator().equals(P256.getGenerator())
                && params.getOrder().equals(P256.getOrder())
                && params.getCofactor() == P256.getCofactor();
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 unsupported by this JVM", e);
        }
    }

    private static String requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value;
    }
}
