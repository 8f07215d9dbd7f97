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

    public UUID id() {
        return id;
    }
}
