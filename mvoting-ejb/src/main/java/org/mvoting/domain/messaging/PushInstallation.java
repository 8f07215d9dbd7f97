package org.mvoting.domain.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mvoting.api.citizens.PushInstallations;
import org.mvoting.api.citizens.PushPlatform;
import org.mvoting.api.errors.InvalidPushInstallationException;
import org.mvoting.api.errors.InvalidPushInstallationException.Reason;

/**
 * An app installation that receives push notifications for a citizen. Registered through native SQL (an upsert on
 * the token, so two registrations of one token cannot race); read and removed through JPA.
 */
@Entity
@Table(name = "push_installation")
public class PushInstallation {

    @Id
    private UUID id;

    @Column(name = "citizen_id", nullable = false)
    private UUID citizenId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private PushPlatform platform;

    @Column(nullable = false, length = PushInstallations.MAX_TOKEN_LENGTH)
    private String token;

    @Column(name = "registered_at", nullable = false)
    private Instant registeredAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    protected PushInstallation() {
    }

    /** The platform as the app names it, in any case. */
    public static PushPlatform platform(String given) {
        if (given == null) {
            throw new InvalidPushInstallationException(Reason.PLATFORM);
        }
        try {
            return PushPlatform.valueOf(given.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidPushInstallationException(Reason.PLATFORM);
        }
    }

    /** A push service token as given (tokens are opaque: only surrounding blanks are dropped). */
    public static String token(String given) {
        String token = given == null ? "" : given.strip();
        if (token.isEmpty() || token.length() > PushInstallations.MAX_TOKEN_LENGTH) {
            throw new InvalidPushInstallationException(Reason.TOKEN);
        }
        return token;
    }

    /**
     * A browser's Web Push subscription as an installation token, {"endpoint","p256dh","auth"}: the endpoint https
     * at one of {@code pushServices} (the server will post to it, so never to a host of the city's choosing by a
     * citizen), {@code p256dh} a 65-byte uncompressed P-256 point and {@code auth} 16 bytes, both base64url.
     */
    public static String webPushToken(String endpoint, String p256dh, String auth, List<String> pushServices) {
        if (endpoint == null || p256dh == null || auth == null
                || endpoint.length() > PushInstallations.MAX_ENDPOINT_LENGTH) {
            throw new InvalidPushInstallationException(Reason.SUBSCRIPTION);
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(endpoint.strip());
        } catch (java.net.URISyntaxException e) {
            throw new InvalidPushInstallationException(Reason.SUBSCRIPTION);
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        boolean known = pushServices.stream().anyMatch(service -> host.equals(service) || host.endsWith("." + service));
        if (!"https".equals(uri.getScheme()) || uri.getUserInfo() != null || !known
                || base64UrlLength(p256dh) != P256_POINT_LENGTH || base64UrlLength(auth) != AUTH_LENGTH) {
            throw new InvalidPushInstallationException(Reason.SUBSCRIPTION);
        }
        if (java.util.Base64.getUrlDecoder().decode(p256dh.strip())[0] != 0x04) {
            throw new InvalidPushInstallationException(Reason.SUBSCRIPTION);
        }
        return jakarta.json.Json.createObjectBuilder()
                .add("endpoint", uri.toString()).add("p256dh", p256dh.strip()).add("auth", auth.strip())
                .build().toString();
    }

    /** An uncompressed P-256 point: 0x04, X, Y (RFC 8291 §3.1). */
    private static final int P256_POINT_LENGTH = 65;
    /** The auth secret (RFC 8291 §3.2). */
    private static final int AUTH_LENGTH = 16;

    private static int base64UrlLength(String text) {
        try {
            return java.util.Base64.getUrlDecoder().decode(text.strip()).length;
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }

    /** The languages notifications are written in; Korean first. */
    public static final List<Locale> LANGUAGES = List.of(Locale.KOREAN, Locale.ENGLISH);

    /** The notification language an app asks for ("en", "en-US", "ko"...): English if it asks for it, else Korean. */
    public static Locale language(String given) {
        if (given == null || given.isBlank()) {
            return Locale.KOREAN;
        }
        String primary = Locale.forLanguageTag(given.strip()).getLanguage();
        return LANGUAGES.stream().filter(l -> l.getLanguage().equals(primary)).findFirst().orElse(Locale.KOREAN);
    }

    /** What the uniqueness of a token rests on. */
    public static byte[] tokenHash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean belongsTo(UUID citizen) {
        return citizenId.equals(citizen);
    }

    public UUID id() {
        return id;
    }

    public PushPlatform platform() {
        return platform;
    }

    public String token() {
        return token;
    }

    public Instant lastSeenAt() {
        return lastSeenAt;
    }

    public Instant registeredAt() {
        return registeredAt;
    }
}
