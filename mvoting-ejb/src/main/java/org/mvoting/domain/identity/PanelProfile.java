package org.mvoting.domain.identity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.Year;
import java.util.Objects;
import java.util.UUID;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.errors.InvalidProfileException;

/**
 * A citizen's panel profile: coarse strata for targeted polls, kept only with consent. Withdrawing consent
 * deletes it; nothing else refers to it.
 */
@Entity
@Table(name = "citizen_profile")
public class PanelProfile {

    /**
     * The consent text the citizen agreed to (docs/specification.md, "Citizens"). 2026-12 names invitations to sample
     * polls among the purposes (issue 17); profiles given under 2026-11 keep that version until they are changed.
     */
    public static final String CONSENT_VERSION = "2026-12";
    /** Panels are for adults and teenagers of 14 and over (the age of consent for personal data in Korea). */
    public static final int MINIMUM_AGE = 14;

    @Id
    @Column(name = "citizen_id")
    private UUID citizenId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Gender gender;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private SeoulDistrict district;

    @Column(name = "birth_year", nullable = false)
    private int birthYear;

    @Column(name = "consented_at", nullable = false)
    private Instant consentedAt;

    @Column(name = "consent_version", nullable = false, length = 16)
    private String consentVersion;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected PanelProfile() {
    }

    /** A profile given with consent now. */
    public PanelProfile(UUID citizenId, boolean consent, Gender gender, SeoulDistrict district, int birthYear,
                        Instant now, Year thisYear) {
        this.citizenId = Objects.requireNonNull(citizenId, "citizenId");
        this.consentedAt = now;
        change(consent, gender, district, birthYear, now, thisYear);
    }

    /** New answers; consent must be given again with them. */
    public void change(boolean consent, Gender newGender, SeoulDistrict newDistrict, int newBirthYear, Instant now,
                       Year thisYear) {
        if (!consent) {
            throw new InvalidProfileException("consent-required");
        }
        int youngest = thisYear.getValue() - MINIMUM_AGE;
        if (newBirthYear < 1900 || newBirthYear > youngest) {
            throw new InvalidProfileException("birth-year", 1900, youngest);
        }
        this.gender = Objects.requireNonNull(newGender, "gender");
        this.district = Objects.requireNonNull(newDistrict, "district");
        this.birthYear = newBirthYear;
        this.consentVersion = CONSENT_VERSION;
        this.consentedAt = now;
        this.updatedAt = now;
    }

    public UUID citizenId() {
        return citizenId;
    }

    public Gender gender() {
        return gender;
    }

    public SeoulDistrict district() {
        return district;
    }

    public int birthYear() {
        return birthYear;
    }

    public Instant consentedAt() {
        return consentedAt;
    }
}
