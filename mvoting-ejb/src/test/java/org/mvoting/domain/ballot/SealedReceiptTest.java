package org.mvoting.domain.ballot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mvoting.domain.poll.Mark;

class SealedReceiptTest {

    private static final byte[] SEAL_SECRET = "seal-secret-of-the-server-32-byt".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_SEAL_SECRET = "another-seal-secret-entirely-xyz".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] VOTER = "voter-key-of-alice".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OTHER_VOTER = "voter-key-of-bob".getBytes(StandardCharsets.US_ASCII);
    private static final IdempotencyKey KEY = new IdempotencyKey("0f8fad5b-d9cb-469f-a165-70867728950e");
    private static final IdempotencyKey OTHER_KEY = new IdempotencyKey("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    private static final Instant HOUR = Instant.parse("2030-03-04T10:00:00Z");
    private static final List<Mark> MARKS = List.of(new Mark(10, 101, null, 0), new Mark(20, 203, null, 0));

    private final SecureRandom random = new SecureRandom();

    private SealedReceipt.Contents contents() {
        return new SealedReceipt.Contents(new Receipt("AB12-CD34-EF56"), HOUR, SealedReceipt.fingerprint(MARKS));
    }

    private byte[] sealed() {
        return SealedReceipt.seal(SEAL_SECRET, VOTER, KEY, contents(), random);
    }

    @Test
    void theSameSecretVoterAndIdempotencyKeyOpenTheContents() {
        Optional<SealedReceipt.Contents> opened = SealedReceipt.open(SEAL_SECRET, VOTER, KEY, sealed());

        assertTrue(opened.isPresent());
        assertEquals(new Receipt("AB12-CD34-EF56"), opened.get().receipt());
        assertEquals(HOUR, opened.get().castHour());
        assertArrayEquals(SealedReceipt.fingerprint(MARKS), opened.get().ballotFingerprint());
    }

    @Test
    void anEqualButSeparatelyBuiltIdempotencyKeyOpensTheContents() {
        IdempotencyKey retried = new IdempotencyKey(new String(KEY.bytes(), StandardCharsets.US_ASCII));

        assertTrue(SealedReceipt.open(SEAL_SECRET, VOTER, retried, sealed()).isPresent());
    }

    @Test
    void anotherIdempotencyKeyOpensNothing() {
        assertEquals(Optional.empty(), SealedReceipt.open(SEAL_SECRET, VOTER, OTHER_KEY, sealed()));
    }

    @Test
    void anotherVoterKeyOpensNothing() {
        assertEquals(Optional.empty(), SealedReceipt.open(SEAL_SECRET, OTHER_VOTER, KEY, sealed()));
    }

    @Test
    void anotherSealSecretOpensNothing() {
        assertEquals(Optional.empty(), SealedReceipt.open(OTHER_SEAL_SECRET, VOTER, KEY, sealed()));
    }

    @Test
    void tamperedCiphertextOpensNothing() {
        byte[] sealed = sealed();
        sealed[sealed.length / 2] ^= 0x01;

        assertEquals(Optional.empty(), SealedReceipt.open(SEAL_SECRET, VOTER, KEY, sealed));
    }

    @Test
    void tamperedNonceOpensNothing() {
        byte[] sealed = sealed();
        sealed[0] ^= 0x01;

        assertEquals(Optional.empty(), SealedReceipt.open(SEAL_SECRET, VOTER, KEY, sealed));
    }

    @Test
    void tamperedTagOpensNothing() {
        byte[] sealed = sealed();
        sealed[sealed.length - 1] ^= (byte) 0x80;

        assertEquals(Optional.empty(), SealedReceipt.open(SEAL_SECRET, VOTER, KEY, sealed));
    }

    @Test
    void sealNoLongerThanItsNonceOpensNothing() {
        byte[] sealed = sealed();

        assertEquals(Optional.empty(), SealedReceipt.open(SEAL_SECRET, VOTER, KEY, new byte[0]));
        assertEquals(Optional.empty(), SealedReceipt.open(SEAL_SECRET, VOTER, KEY, Arrays.copyOf(sealed, 12)));
    }

    @Test
    void sealMissingItsLastByteOpensNothing() {
        byte[] sealed = sealed();

        assertEquals(Optional.empty(),
                SealedReceipt.open(SEAL_SECRET, VOTER, KEY, Arrays.copyOf(sealed, sealed.length - 1)));
    }
    @ParameterizedTest
    @ValueSource(ints = {13, 20, 27})
    void sealShorterThanNonceAndTagOpensNothing(int length) {
        byte[] truncated = Arrays.copyOf(sealed(), length);

        assertEquals(Optional.empty(), SealedReceipt.open(SEAL_SECRET, VOTER, KEY, truncated));
    }

    @Test
    void sealingTheSameContentsTwiceGivesDifferentBytes() {
        assertFalse(Arrays.equals(sealed(), sealed()));
    }

    @Test
    void sealDoesNotContainTheReceiptInTheClear() {
        String asText = new String(sealed(), StandardCharsets.ISO_8859_1);

        assertFalse(asText.contains("AB12-CD34-EF56"));
    }

    @Test
    void fingerprintIsSixteenBytesAndEqualForEqualMarks() {
        byte[] a = SealedReceipt.fingerprint(MARKS);
        byte[] b = SealedReceipt.fingerprint(List.of(new Mark(10, 101, null, 0), new Mark(20, 203, null, 0)));

        assertEquals(16, a.length);
        assertArrayEquals(a, b);
    }

    @Test
    void fingerprintDiffersForADifferentOption() {
        byte[] other = SealedReceipt.fingerprint(List.of(new Mark(10, 102, null, 0), new Mark(20, 203, null, 0)));

        assertFalse(Arrays.equals(SealedReceipt.fingerprint(MARKS), other));
    }

    @Test
    void fingerprintIgnoresTheOrderInWhichNonRankingChoicesAreListed() {
        byte[] listed = SealedReceipt.fingerprint(List.of(new Mark(10, 101, null, 0), new Mark(10, 103, null, 0)));
        byte[] reversed = SealedReceipt.fingerprint(List.of(new Mark(10, 103, null, 0), new Mark(10, 101, null, 0)));
        assertArrayEquals(listed, reversed);
    }

    @Test
    void fingerprintDiffersForADifferentRankingOrder() {
        byte[] first = SealedReceipt.fingerprint(List.of(new Mark(30, 301, 1, 2), new Mark(30, 302, 2, 1)));
        byte[] swapped = SealedReceipt.fingerprint(List.of(new Mark(30, 302, 1, 2), new Mark(30, 301, 2, 1)));

        assertFalse(Arrays.equals(first, swapped));
    }

    @Test
    void sameBallotComparesTheFingerprint() {
        SealedReceipt.Contents opened = SealedReceipt.open(SEAL_SECRET, VOTER, KEY, sealed()).orElseThrow();

        assertTrue(opened.sameBallot(SealedReceipt.fingerprint(MARKS)));
        assertFalse(opened.sameBallot(SealedReceipt.fingerprint(List.of(new Mark(10, 102, null, 0)))));
    }
}
