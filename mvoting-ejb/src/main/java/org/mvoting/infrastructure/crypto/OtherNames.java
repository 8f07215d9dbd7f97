package org.mvoting.infrastructure.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Reads a subjectAltName otherName as the JDK hands it over (its DER: SEQUENCE { type-id OID, [0] EXPLICIT value }) when
 * its type is the one asked for and its value a string (UTF8String, PrintableString or IA5String). A few lines of DER
 * rather than a library: the EJB module keeps no ASN.1 parser, and anything else is simply not an identifier.
 */
final class OtherNames {

    private OtherNames() {
    }

    /** The string value of this otherName when its type is {@code oid}; empty for another type or a value of another kind. */
    static Optional<String> value(byte[] der, String oid) {
        try {
            Tlv outer = Tlv.read(der, 0);
            if (outer.tag() != 0x30 && outer.tag() != 0xA0) {
                return Optional.empty();
            }
            Tlv type = Tlv.read(der, outer.start());
            if (type.tag() != 0x06 || !oid.equals(oid(der, type.start(), type.end()))) {
                return Optional.empty();
            }
            Tlv explicit = Tlv.read(der, type.end());
            if (explicit.tag() != 0xA0) {
                return Optional.empty();
            }
            Tlv value = Tlv.read(der, explicit.start());
            if (value.tag() == 0xA0) { // the JDK wraps the [0] it read once more when it encodes an otherName again
                value = Tlv.read(der, value.start());
            }
            return switch (value.tag()) {
                case 0x0C -> Optional.of(new String(der, value.start(), value.length(), StandardCharsets.UTF_8));
                case 0x13, 0x16 -> Optional.of(new String(der, value.start(), value.length(), StandardCharsets.US_ASCII));
                default -> Optional.empty();
            };
        } catch (IndexOutOfBoundsException | IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private static String oid(byte[] der, int from, int to) {
        if (from >= to) {
            throw new IllegalArgumentException("empty OID");
        }
        StringBuilder text = new StringBuilder();
        long arc = 0;
        boolean first = true;
        for (int i = from; i < to; i++) {
            arc = (arc << 7) | (der[i] & 0x7F);
            if (arc > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("OID arc too long");
            }
            if ((der[i] & 0x80) == 0) {
                if (first) {
                    long top = Math.min(arc / 40, 2);
                    text.append(top).append('.').append(arc - top * 40);
                    first = false;
                } else {
                    text.append('.').append(arc);
                }
                arc = 0;
            }
        }
        return text.toString();
    }

    /** One DER tag-length-value: its tag, where its content starts and how long it is. */
    private record Tlv(int tag, int start, int length) {

        int end() {
            return start + length;
        }

        static Tlv read(byte[] der, int at) {
            int tag = der[at] & 0xFF;
            int first = der[at + 1] & 0xFF;
            int start = at + 2;
            int length;
            if (first < 0x80) {
                length = first;
            } else {
                int bytes = first & 0x7F;
                if (bytes == 0 || bytes > 3) {
                    throw new IllegalArgumentException("DER length");
                }
                length = 0;
                for (int i = 0; i < bytes; i++) {
                    length = (length << 8) | (der[start + i] & 0xFF);
                }
                start += bytes;
            }
            if (start + length > der.length) {
                throw new IllegalArgumentException("DER overruns");
            }
            return new Tlv(tag, start, length);
        }
    }
}
