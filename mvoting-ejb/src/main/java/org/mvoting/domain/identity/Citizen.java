package org.mvoting.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A general voter known by a verified phone number. Only a keyed hash of the number is stored; the
 * number itself is not needed to recognise the citizen again.
 */
@Entity
@Table(name = "citizen")
public class Citizen {

    @Id
    private UUID id;

    @Column(name = "phone_key", nullable = false, unique = true)
    private byte[] phoneKey;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_sign_in_at", nullable = false)
    private Instant lastSignInAt;

    /** Tokens carry the generation they were issued in; signing out everywhere moves it on. */
    @Column(name = "token_generation", nullable = false)
    private int tokenGeneration;

    /** When the number passed on: the row stays (its polls, its tokens refused) but no number leads to it. */
    @Column(name = "retired_at")
    private Instant retiredAt;

    protected Citizen() {
    }

    public Citizen(byte[] phoneKey, Instant now) {
        this.id = UUID.randomUUID();
        this.phoneKey = phoneKey.clone();
        this.createdAt = now;
        this.lastSignInAt = now;
    }

    public void signedIn(Instant now) {
        lastSignInAt = now;
    }

    /** Whether the number went without a sign-in since before {@code cutoff}: carriers may have reassigned it. */
    public boolean unusedSince(Instant cutoff) {
        return lastSignInAt.isBefore(cutoff);
    }

    /**
     * The number has passed to someone else: unlinks this citizen from it ({@code unlinkedKey}, random, matches no
     * number) so the next sign-in starts a new citizen, and refuses every token still held.
     */
    public void retire(byte[] unlinkedKey, Instant now) {
        phoneKey = unlinkedKey.clone();
        retiredAt = now;
        tokenGeneration++;
    }

    /** Every token issued so far is refused from now on. */
    public void signOutEverywhere() {
        tokenGeneration++;
    }

    public int tokenGeneration() {
        return tokenGeneration;
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public UUID id() {
        return id;
    }
}
