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
 * PEM text, or MVOTING_MOBILE_OFFICE_PUBLIC_KEY_FILE), issuer and audience. Read per call and rebuilt when
 * they change, so a key rotation needs no redeploy. Without a key, no bearer token is taken for staff.
 */
@ApplicationScoped
public class MobileOfficeTokens {

    private static final JsonReaderFactory READERS = Json.createReaderFactory(null);

    private record Configured(String pem, String issuer, String audience, MobileOfficeTokenVerifier verifier) {
    }

    private volatile Configured current;

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
