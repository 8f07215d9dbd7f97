package org.mvoting.domain.ballot;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.crypto.spec.SecretKeySpec;
import org.mvoting.api.citizens.AgeBand;
import org.mvoting.api.citizens.Gender;
import org.mvoting.api.citizens.SeoulDistrict;
import org.mvoting.api.citizens.Stratum;
import org.mvoting.domain.poll.Mark;

/**
 * A ballot as it waits in the inbox between the cast and the mixer: receipt, hour and marks, sealed with
 * AES-GCM under a server key. The inbox row shares its transaction with the participation row, so it must
 * say nothing to someone who reads the database without the server secret.
 */
public final class SealedBallot {

    private static final int RECEIPT_BYTES = 14;

    /** What a sealed ballot holds: for a PANEL_SAMPLE poll also the voter's coarse stratum (else null). */
    public record Contents(Receipt receipt, Instant castHour, List<Mark> marks, Stratum stratum) {

        public Contents {
            marks = List.copyOf(marks);
        }

        public Contents(Receipt receipt, Instant castHour, List<Mark> marks) {
            this(receipt, castHour, marks, null);
        }
    }

    private SealedBallot() {
    }

    public static byte[] seal(byte[] inboxKey, Contents contents, SecureRandom random) {
        byte[] stratum = contents.stratum() == null ? new byte[0] : (contents.stratum().district().name() + "/"
                + contents.stratum().gender().name() + "/" + contents.stratum().ageBand().code())
                .getBytes(StandardCharsets.US_ASCII);
        ByteBuffer plain = ByteBuffer.allocate(RECEIPT_BYTES + Long.BYTES + Integer.BYTES
                + contents.marks().size() * (Long.BYTES * 2 + Integer.BYTES * 2)
                + (stratum.length == 0 ? 0 : Short.BYTES + stratum.length));
        plain.put(contents.receipt().code().getBytes(StandardCharsets.US_ASCII))
                .putLong(contents.castHour().getEpochSecond())
                .putInt(contents.marks().size());
        for (Mark m : contents.marks()) {
            plain.putLong(m.questionId()).putLong(m.optionId()).putInt(m.rank() == null ? 0 : m.rank()).putInt(m.points());
        }
        // the stratum trails the marks, so ballots sealed before panel samples existed still open
        if (stratum.length > 0) {
            plain.putShort((short) stratum.length).put(stratum);
        }
        return Aead.seal(key(inboxKey), plain.array(), random);
    }

    /** Opens a sealed ballot; a ballot that does not open was altered in storage, which must stop the mix. */
    public static Contents open(byte[] inboxKey, byte[] sealed) {
        ByteBuffer plain = ByteBuffer.wrap(Aead.open(key(inboxKey), sealed)
                .orElseThrow(() -> new IllegalStateException("a sealed ballot does not open: altered in storage?")));
        byte[] receipt = new byte[RECEIPT_BYTES];
        plain.get(receipt);
        Instant hour = Instant.ofEpochSecond(plain.getLong());
        int count = plain.getInt();
        List<Mark> marks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long question = plain.getLong();
            long option = plain.getLong();
            int rank = plain.getInt();
            marks.add(new Mark(question, option, rank == 0 ? null : rank, plain.getInt()));
        }
        Stratum stratum = null;
        if (plain.hasRemaining()) {
            byte[] text = new byte[plain.getShort()];
            plain.get(text);
            String[] parts = new String(text, StandardCharsets.US_ASCII).split("/");
            stratum = new Stratum(SeoulDistrict.valueOf(parts[0]), Gender.valueOf(parts[1]),
                    AgeBand.ofCode(Integer.parseInt(parts[2])));
        }
        return new Contents(new Receipt(new String(receipt, StandardCharsets.US_ASCII)), hour, marks, stratum);
    }

    private static SecretKeySpec key(byte[] inboxKey) {
        return new SecretKeySpec(inboxKey, 0, 16, "AES");
    }
}
