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
