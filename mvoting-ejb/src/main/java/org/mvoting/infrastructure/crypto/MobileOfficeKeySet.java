package org.mvoting.infrastructure.crypto;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.logging.Logger;
import org.mvoting.api.errors.IdentityProviderUnavailableException;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.errors.InvalidTokenException.Reason;

/**
 * The mobile office identity provider's JSON Web Key Set (RFC 7517), fetched over HTTP(S) and kept for a while: a
 * token's {@code kid} picks the key, and each key is judged by a {@link MobileOfficeTokenVerifier} of its own (so the
 * algorithm is still fixed by the key: RSA keys take RS256, P-256 keys ES256).
 *
 * <p>Rotation without a redeploy: the set is fetched again once it is older than {@code maxAge}, and at once when a
 * token names a {@code kid} the set does not hold. Unknown {@code kid}s cost an attacker nothing, so those refetches
 * are at most one per {@code minRefetch}; in between, an unknown {@code kid} is simply refused. When the provider does
 * not answer, the keys fetched before go on serving (a rotation in the meantime waits); with no key ever fetched,
 * or none fitting the token's {@code kid}, the answer is 503 ({@link IdentityProviderUnavailableException}), not a
 * judgement on the token. Thread-safe; one fetch at a time.
 */
public final class MobileOfficeKeySet {

    /** How long one fetch may take, connecting and reading. */
    public static final Duration FETCH_TIMEOUT = Duration.ofSeconds(5);
    /** Largest key set document read; real ones hold a few keys in a few kilobytes. */
    public static final int MAX_DOCUMENT_BYTES = 64 * 1024;
    /** Most keys taken from one set. */
    public static final int MAX_KEYS = 32;
    /** Longest {@code kid} looked up. */
    public static final int MAX_KID_LENGTH = 256;

    private static final Logger LOG = Logger.getLogger(MobileOfficeKeySet.class.getName());
    private static final Base64.Decoder BASE64URL = Base64.getUrlDecoder();

    private record Keys(Map<String, MobileOfficeTokenVerifier> byKid, Instant fetchedAt) {
    }

    private final URI uri;
    private final String issuer;
    private final String audience;
    private final Duration clockSkew;
    private final Clock clock;
    private final Duration maxAge;
    private final Duration minRefetch;
    private final HttpClient http;

    private volatile Keys keys;
    private Instant lastAttempt;

    /**
     * @param uri        where the key set is served (http or https)
     * @param maxAge     how long a fetched set is used before it is fetched again
     * @param minRefetch fewest time between fetches not due by age
     * Other parameters as for {@link MobileOfficeTokenVerifier}.
     */
    public MobileOfficeKeySet(URI uri, String issuer, String audience, Duration clockSkew, Clock clock,
                              Duration maxAge, Duration minRefetch) {
        this.uri = Objects.requireNonNull(uri, "uri");
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("the key set URL must be http or https, not " + uri.getScheme());
        }
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audience = Objects.requireNonNull(audience, "audience");
        this.clockSkew = Objects.requireNonNull(clockSkew, "clockSkew");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
        this.minRefetch = Objects.requireNonNull(minRefetch, "minRefetch");
        // redirects are not followed: the configured address is the provider's, another one is not
        this.http = HttpClient.newBuilder().connectTimeout(FETCH_TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The staff member a genuine token names, its key picked from the set by {@code kid} (a token without one is taken
     * when the set holds exactly one key).
     *
     * @throws InvalidTokenException                as {@link MobileOfficeTokenVerifier#verify}, or {@code UNKNOWN_KEY}
     * @throws IdentityProviderUnavailableException when no usable key set could be fetched
     */
    public MobileOfficeIdentity verify(String compactJws) {
        String kid = kid(compactJws);
        Keys known = keys;
        if (known == null || clock.instant().isAfter(known.fetchedAt().plus(maxAge))) {
            known = refresh(known == null);
        }
        MobileOfficeTokenVerifier verifier = pick(known, kid);
        if (verifier == null && mayRefetch()) {
            known = refresh(true);
            verifier = pick(known, kid);
        }
        if (verifier == null) {
            throw new InvalidTokenException(Reason.UNKNOWN_KEY);
        }
        return verifier.verify(compactJws);
    }

    private static MobileOfficeTokenVerifier pick(Keys known, String kid) {
        if (known == null) {
            return null;
        }
        if (kid == null) {
            return known.byKid().size() == 1 ? known.byKid().values().iterator().next() : null;
        }
        return known.byKid().get(kid);
    }

    private synchronized boolean mayRefetch() {
        return lastAttempt == null || !clock.instant().isBefore(lastAttempt.plus(minRefetch));
    }

    /**
     * Fetches the set unless another thread just did. A failure keeps the keys known so far; with none known, or when
     * {@code required} and the earlier set is no help, it is a 503.
     */
    private synchronized Keys refresh(boolean required) {
        Instant now = clock.instant();
        Keys known = keys;
        boolean fresh = known != null && !now.isAfter(known.fetchedAt().plus(maxAge));
        if (lastAttempt != null && now.isBefore(lastAttempt.plus(minRefetch))) {
            if (known == null) {
                throw new IdentityProviderUnavailableException(); // failed a moment ago: not again at once
            }
            return known; // someone else fetched (or failed) a moment ago
        }
        if (fresh && !required) {
            return known;
        }
        lastAttempt = now;
        try {
            Keys fetched = new Keys(fetch(), now);
            keys = fetched;
            return fetched;
        } catch (IOException | RuntimeException e) {
            LOG.warning("The mobile office key set at " + uri + " could not be fetched: " + e
                    + (known == null ? "; no key is known" : "; the keys fetched at " + known.fetchedAt() + " stay in use"));
            if (known == null) {
                throw new IdentityProviderUnavailableException();
            }
            return known;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityProviderUnavailableException();
        }
    }

    private Map<String, MobileOfficeTokenVerifier> fetch() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(FETCH_TIMEOUT)
                .header("Accept", "application/jwk-set+json, application/json").GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        byte[] body;
        try (InputStream in = response.body()) {
            body = in.readNBytes(MAX_DOCUMENT_BYTES + 1);
        }
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode());
        }
        if (body.length > MAX_DOCUMENT_BYTES) {
            throw new IOException("the key set is larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        return parse(new String(body, StandardCharsets.UTF_8));
    }

    /** The signing keys of a key set document by kid ("" for a key without one); keys that cannot be used are skipped. */
    Map<String, MobileOfficeTokenVerifier> parse(String document) throws IOException {
        JsonObject set;
        try (JsonReader reader = Json.createReader(new StringReader(document))) {
            set = reader.readObject();
        } catch (RuntimeException e) {
            throw new IOException("the key set is not a JSON object", e);
        }
        if (!(set.get("keys") instanceof jakarta.json.JsonArray list)) {
            throw new IOException("the key set has no \"keys\" array");
        }
        Map<String, MobileOfficeTokenVerifier> byKid = new HashMap<>();
        for (JsonValue value : list) {
            if (byKid.size() == MAX_KEYS) {
                break;
            }
            if (!(value instanceof JsonObject jwk)) {
                continue;
            }
            String kid = text(jwk, "kid");
            String use = text(jwk, "use");
            if (use != null && !"sig".equals(use)) {
                continue; // an encryption key is never a signing key
            }
            try {
                PublicKey key = publicKey(jwk);
                if (key == null) {
                    continue;
                }
                MobileOfficeTokenVerifier verifier = new MobileOfficeTokenVerifier(key, issuer, audience, clockSkew, clock);
                String alg = text(jwk, "alg");
                if (alg != null && !alg.equals(verifier.algorithm())) {
                    continue; // announced for another algorithm than its key fixes here
                }
                byKid.putIfAbsent(kid == null ? "" : kid, verifier);
            } catch (IllegalArgumentException | GeneralSecurityException unusable) {
                LOG.warning("Key " + kid + " of the mobile office key set is skipped: " + unusable.getMessage());
            }
        }
        if (byKid.isEmpty()) {
            throw new IOException("the key set holds no RS256 or ES256 signing key");
        }
        return Map.copyOf(byKid);
    }

    private static PublicKey publicKey(JsonObject jwk) throws GeneralSecurityException {
        String kty = text(jwk, "kty");
        if ("RSA".equals(kty)) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(number(jwk, "n"), number(jwk, "e")));
        }
        if ("EC".equals(kty) && "P-256".equals(text(jwk, "crv"))) {
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(
                    new ECPoint(number(jwk, "x"), number(jwk, "y")), MobileOfficeTokenVerifier.p256Parameters()));
        }
        return null; // another key type or curve: not for RS256 or ES256
    }

    private static BigInteger number(JsonObject jwk, String member) {
        String value = text(jwk, member);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("no " + member);
        }
        return new BigInteger(1, BASE64URL.decode(value));
    }

    private static String text(JsonObject object, String member) {
        return object.get(member) instanceof JsonString s ? s.getString() : null;
    }

    /** The header's kid, read before any key is chosen (and trusted for nothing else); null when absent. */
    private static String kid(String compactJws) {
        if (compactJws == null || compactJws.isBlank()) {
            throw new InvalidTokenException(Reason.MISSING);
        }
        if (compactJws.length() > MobileOfficeTokenVerifier.MAX_TOKEN_LENGTH) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        int dot = compactJws.indexOf('.');
        if (dot <= 0) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        JsonObject header;
        try (JsonReader reader = Json.createReader(new StringReader(
                new String(BASE64URL.decode(compactJws.substring(0, dot)), StandardCharsets.UTF_8)))) {
            header = reader.readObject();
        } catch (RuntimeException e) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        JsonValue kid = header.get("kid");
        if (kid == null) {
            return null;
        }
        if (!(kid instanceof JsonString s) || s.getString().length() > MAX_KID_LENGTH) {
            throw new InvalidTokenException(Reason.MALFORMED);
        }
        return s.getString();
    }
}
