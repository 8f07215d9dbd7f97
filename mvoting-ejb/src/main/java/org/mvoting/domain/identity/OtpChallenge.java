package org.mvoting.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.mvoting.api.errors.VerificationFailedException;
import org.mvoting.api.errors.VerificationFailedException.Reason;

/**
 * One SMS one-time code sent to one phone (ASVS: 6 digits, single use, at most 5 minutes, at most 5 tries).
 * Only a keyed hash of the code is kept.
 */
@Entity
@Table(name = "otp_challenge")
public class OtpChallenge {

    public static final Duration LIFETIME = Duration.ofMinutes(5);
    public static final int MAX_ATTEMPTS = 5;

    @Id
    private UUID id;

    @Column(name = "phone_key", nullable = false)
    private byte[] phoneKey;

    @Column(name = "code_hash", nullable = false)
    private byte[] codeHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "consumed_at")
    private Instant consumedAt;

    protected OtpChallenge() {
    }

    public OtpChallenge(UUID id, byte[] phoneKey, byte[] codeHash, Instant now) {
        this.id = Objects.requireNonNull(id, "id");
        this.phoneKey = phoneKey.clone();
        this.codeHash = codeHash.clone();
        this.createdAt = now;
        this.expiresAt = now.plus(LIFETIME);
    }

    /**
     * Checks a presented code (as its keyed hash). A wrong code uses up a try; the fifth wrong try ends
     * the challenge. A right code consumes it, so it works only once.
     */
    public void verify(byte[] presentedHash, Instant now) {
        if (consumedAt != null) {
            throw new VerificationFailedException(Reason.NO_ACTIVE_CODE, 0);
        }
        if (!now.isBefore(expiresAt)) {
            throw new VerificationFailedException(Reason.EXPIRED, 0);
        }
        if (attempts >= MAX_ATTEMPTS) {
            throw new VerificationFailedException(Reason.TOO_MANY_ATTEMPTS, 0);
        }
        if (!MessageDigest.isEqual(codeHash, presentedHash)) {
            attempts++;
            if (attempts >= MAX_ATTEMPTS) {
                throw new VerificationFailedException(Reason.TOO_MANY_ATTEMPTS, 0);
            }
            throw new VerificationFailedException(Reason.MISMATCH, MAX_ATTEMPTS - attempts);
        }
        consumedAt = now;
    }

    /** A newer code replaces this one. */
    public void supersede(Instant now) {
        if (consumedAt == null) {
            consumedAt = now;
        }
    }

    public UUID id() {
        return id;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public int attempts() {
        return attempts;
    }

    public boolean isConsumed() {
        return consumedAt != null;
    }
}
