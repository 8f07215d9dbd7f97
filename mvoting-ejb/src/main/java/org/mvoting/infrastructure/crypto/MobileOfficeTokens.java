package org.mvoting.infrastructure.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.mvoting.api.settings.CitySettings;

/**
 * The mobile office's identity provider as configured: its public key (MVOTING_MOBILE_OFFICE_PUBLIC_KEY as
 * PEM text, or MVOTING_MOBILE_OFFICE_PUBLIC_KEY_FILE) and/or its key set (MVOTING_MOBILE_OFFICE_JWKS_URL), issuer and
 * audience. Read per call and rebuilt when they change, so a key rotation needs no redeploy; the key set also follows
 * the provider's own rotations ({@link MobileOfficeKeySet}). With both, a token naming a {@code kid} is judged by the
 * key set and one without by the PEM key. Without either, no bearer token is taken for staff.
 */
@ApplicationScoped
public class MobileOfficeTokens {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(null);

    private record Configured(String pem, String issuer, String audience, MobileOfficeTokenVerifier verifier) {
    }

    private record ConfiguredSet(String url, String issuer, String audience, int cacheSeconds, int refetchSeconds,
                                 int skewSeconds, MobileOfficeKeySet keys) {
    }

    private volatile Configured current;
    private volatile ConfiguredSet currentSet;

    /**
     * The staff member a mobile-office token names, checked against the configured key or key set; empty when neither
     * is configured.
     *
     * @throws org.mvoting.api.errors.InvalidTokenException               when the token fails verification
     * @throws org.mvoting.api.errors.IdentityProviderUnavailableException when the key set cannot be fetched
     * @throws IllegalStateException                                      when the settings are unusable
     */
    public Optional<MobileOfficeIdentity> verify(String token) {
        Optional<MobileOfficeKeySet> keySet = keySet();
        Optional<MobileOfficeTokenVerifier> pem = verifier();
        if (keySet.isPresent() && (pem.isEmpty() || namesKid(token))) {
            return Optional.of(keySet.get().verify(token));
        }
        return pem.map(v -> v.verify(token));
    }

    private Optional<MobileOfficeKeySet> keySet() {
        String url = CitySettings.mobileOfficeJwksUrl().orElse(null);
        if (url == null) {
            return Optional.empty();
        }
        String issuer = issuer();
        String audience = CitySettings.mobileOfficeAudience();
        int cacheSeconds = CitySettings.mobileOfficeJwksCacheSeconds();
        int refetchSeconds = CitySettings.mobileOfficeJwksRefetchSeconds();
        int skewSeconds = CitySettings.mobileOfficeClockSkewSeconds();
        ConfiguredSet known = currentSet;
        if (known == null || !known.url.equals(url) || !known.issuer.equals(issuer) || !known.audience.equals(audience)
                || known.cacheSeconds != cacheSeconds || known.refetchSeconds != refetchSeconds
                || known.skewSeconds != skewSeconds) {
            if (TokenCodec.ISSUER.equals(issuer)) {
                throw new IllegalStateException("MVOTING_MOBILE_OFFICE_ISSUER must differ from mVoting's own issuer");
            }
            known = new ConfiguredSet(url, issuer, audience, cacheSeconds, refetchSeconds, skewSeconds,
                    new MobileOfficeKeySet(java.net.URI.create(url), issuer, audience, Duration.ofSeconds(skewSeconds),
                            Clock.systemUTC(), Duration.ofSeconds(cacheSeconds), Duration.ofSeconds(refetchSeconds)));
            currentSet = known;
        }
        return Optional.of(known.keys);
    }

    /** Whether the (unverified) header carries a kid: only to choose between the key set and the PEM key. */
    private static boolean namesKid(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot <= 0) {
            return false;
        }
        try (JsonReader reader = READERS.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8)))) {
            return reader.readObject().containsKey("kid");
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            return false;
        }
    }

    /** The verifier of the single PEM key; empty when none is configured. */
    public Optional<MobileOfficeTokenVerifier> verifier() {
        String pem = CitySettings.mobileOfficePublicKey().orElse(null);
        String file = CitySettings.mobileOfficePublicKeyFile().orElse(null);
        if (pem == null && file != null) {
            try {
                pem = Files.readString(Path.of(file), StandardCharsets.US_ASCII);
            } catch (IOException e) {
                throw new IllegalStateException("MVOTING_MOBILE_OFFICE_PUBLIC_KEY_FILE cannot be read: " + file, e);
            }
        }
        if (pem == null) {
            return Optional.empty();
        }
        String issuer = issuer();
        String audience = CitySettings.mobileOfficeAudience();
        Configured known = current;
        if (known == null || !known.pem.equals(pem) || !known.issuer.equals(issuer) || !known.audience.equals(audience)) {
            if (TokenCodec.ISSUER.equals(issuer)) {
                throw new IllegalStateException("MVOTING_MOBILE_OFFICE_ISSUER must differ from mVoting's own issuer");
            }
            known = new Configured(pem, issuer, audience, MobileOfficeTokenVerifier.fromPem(pem, issuer, audience,
                    Duration.ofSeconds(CitySettings.mobileOfficeClockSkewSeconds()),
                    Clock.systemUTC()));
            current = known;
        }
        return Optional.of(known.verifier);
    }

    /**
     * Whether the (unverified) payload names the mobile office as issuer: only such tokens are judged
     * here; a citizen's token goes on to the REST layer. Nothing is trusted before {@link #verifier()} checks it.
     */
    public boolean claimsToBeFromMobileOffice(String token) {
        if (token == null || token.length() > MobileOfficeTokenVerifier.MAX_TOKEN_LENGTH) {
            return false;
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            return false;
        }
        try (JsonReader reader = READERS.createReader(new StringReader(
                new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)))) {
            JsonObject claims = reader.readObject();
            return issuer().equals(claims.getString("iss", null));
        } catch (IllegalArgumentException | JsonException | ClassCastException e) {
            return false;
        }
    }

    private static String issuer() {
        return CitySettings.mobileOfficeIssuer();
    }
}
