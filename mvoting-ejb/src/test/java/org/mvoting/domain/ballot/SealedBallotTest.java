package org.mvoting.domain.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvoting.domain.poll.Mark;

class SealedBallotTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final SealedBallot.Contents BALLOT = new SealedBallot.Contents(new Receipt("AB12-CD34-EF56"),
            Instant.parse("2026-11-24T09:00:00Z"),
            List.of(new Mark(10, 101, null, 0), new Mark(30, 302, 1, 3), new Mark(30, 301, 2, 2)));

    @Test
    void opensToExactlyWhatWasSealed() {
        SealedBallot.Contents opened = SealedBallot.open(KEY, SealedBallot.seal(KEY, BALLOT, RANDOM));
        assertEquals(BALLOT, opened);
    }

    @Test
    void aPanelBallotKeepsItsCoarseStratumAndAnOrdinaryOneHasNone() {
        org.mvoting.api.citizens.Stratum stratum = new org.mvoting.api.citizens.Stratum(
                org.mvoting.api.citizens.SeoulDistrict.GANGNAM, org.mvoting.api.citizens.Gender.FEMALE,
                org.mvoting.api.citizens.AgeBand.FORTIES);
        SealedBallot.Contents panel = new SealedBallot.Contents(BALLOT.receipt(), BALLOT.castHour(), BALLOT.marks(), stratum);
        assertEquals(panel, SealedBallot.open(KEY, SealedBallot.seal(KEY, panel, RANDOM)));
        org.junit.jupiter.api.Assertions.assertNull(SealedBallot.open(KEY, SealedBallot.seal(KEY, BALLOT, RANDOM)).stratum());
    }

    @Test
    void holdsNothingReadableWithoutTheKey() {
        byte[] sealed = SealedBallot.seal(KEY, BALLOT, RANDOM);
        String raw = new String(sealed, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("AB12-CD34-EF56"));
        byte[] other = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);
        assertThrows(IllegalStateException.class, () -> SealedBallot.open(other, sealed));
    }

    @Test
    void twoSealsOfTheSameBallotDiffer() {
        assertFalse(java.util.Arrays.equals(SealedBallot.seal(KEY, BALLOT, RANDOM), SealedBallot.seal(KEY, BALLOT, RANDOM)));
    }

    @Test
    void anAlteredSealIsRefusedNotMisread() {
        byte[] sealed = SealedBallot.seal(KEY, BALLOT, RANDOM);
        sealed[sealed.length / 2] ^= 1;
        assertThrows(IllegalStateException.class, () -> SealedBallot.open(KEY, sealed));
    }
}
