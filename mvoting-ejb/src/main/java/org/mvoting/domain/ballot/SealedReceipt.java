package org.mvoting.domain.ballot;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mvoting.domain.poll.Mark;

/**
 * The receipt, kept on the participation row in a form only the voter's own retry can open.
 *
 * <p>Why: a retried cast must return the same receipt, but storing the receipt (or the idempotency key)
 * next to the voter key would link the voter to their ballot. So the receipt, the hour and a fingerprint
 * of the choices are encrypted (AES-GCM) under a key derived from the server's seal secret, the voter
 * key and the client's idempotency key. Without that client-held key nobody, the database administrator
 * included, can open it.
 */
public final class SealedReceipt {

    private static final int FINGERPRINT_BYTES = 16;

    /** What the seal holds. */
    public record Contents(Receipt receipt, Instant castHour, byte[] ballotFingerprint) {

        public boolean sameBallot(byte[] fingerprint) {
            return MessageDigest.isEqual(ballotFingerprint, fingerprint);
        }
    }

    private SealedReceipt() {
    }

    public static byte[] seal(byte[] sealSecret, byte[] voterKey, IdempotencyKey key, Contents contents,
                              SecureRandom random) {
        byte[] receipt = contents.receipt().code().getBytes(StandardCharsets.US_ASCII);
        ByteBuffer plain = ByteBuffer.allocate(FINGERPRINT_BYTES + Long.BYTES + receipt.length);
        plain.put(contents.ballotFingerprint()).putLong(contents.castHour().getEpochSecond()).put(receipt);
        return Aead.seal(sealKey(sealSecret, voterKey, key), plain.array(), random);
    }

    /** The contents if this idempotency key (for this voter) sealed them; empty for any other key. */
    public static Optional<Contents> open(byte[] sealSecret, byte[] voterKey, IdempotencyKey key, byte[] sealed) {
        return Aead.open(sealKey(sealSecret, voterKey, key), sealed).map(bytes -> {
            ByteBuffer plain = ByteBuffer.wrap(bytes);
            byte[] fingerprint = new byte[FINGERPRINT_BYTES];
            plain.get(fingerprint);
            Instant hour = Instant.ofEpochSecond(plain.getLong());
            byte[] receipt = new byte[plain.remaining()];
            plain.get(receipt);
            return new Contents(new Receipt(new String(receipt, StandardCharsets.US_ASCII)), hour, fingerprint);
        });
    }

    /**
     * A short digest of the marks, so a retry with the same key but other choices can be told apart. The
     * order of choices matters only where it means something (ranking), not how a client lists them.
     */
    public static byte[] fingerprint(List<Mark> marks) {
        List<Mark> canonical = marks.stream()
                .sorted(java.util.Comparator.comparingLong(Mark::questionId)
                        .thenComparingInt(m -> m.rank() == null ? 0 : m.rank())
                        .thenComparingLong(Mark::optionId))
                .toList();
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Mark m : canonical) {
                sha.update(ByteBuffer.allocate(Long.BYTES * 2 + Integer.BYTES)
                        .putLong(m.questionId()).putLong(m.optionId()).putInt(m.rank() == null ? 0 : m.rank())
                        .array());
            }
            return Arrays.copyOf(sha.digest(), FINGERPRINT_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static SecretKeySpec sealKey(byte[] sealSecret, byte[] voterKey, IdempotencyKey key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(sealSecret, "HmacSHA256"));
            mac.update(voterKey);
            mac.update((byte) 0);
            mac.update(key.bytes());
            return new SecretKeySpec(Arrays.copyOf(mac.doFinal(), 16), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
