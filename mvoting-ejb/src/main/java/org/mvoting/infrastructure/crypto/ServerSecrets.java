package org.mvoting.infrastructure.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.domain.identity.DeviceId;
import org.mvoting.domain.identity.PhoneNumber;
import org.mvoting.domain.identity.SealedPhone;

/**
 * Every key mVoting uses is derived from one server secret (MVOTING_SECRET), each under its own label, so
 * a voter key can never be confused with a token signature. All nodes of a cluster must share the secret:
 * voter keys derived from it are what makes one person one vote.
 *
 * <p>Without MVOTING_SECRET a random secret is created once in the server's data directory, so a single
 * development server keeps recognising voters across restarts.
 */
@ApplicationScoped
public class ServerSecrets {

    private static final Logger LOG = Logger.getLogger(ServerSecrets.class.getName());
    private static final int MIN_SECRET_LENGTH = 32;

    private final SecureRandom random = new SecureRandom();
    private byte[] voterKeySecret;
    private byte[] phoneKeySecret;
    private byte[] otpSecret;
    private byte[] tokenSecret;
    private byte[] sealSecret;
    private byte[] inboxKey;
    private byte[] receiptKeySecret;
    private byte[] phoneSealKey;
    private byte[] summaryKey;

    @PostConstruct
    void load() {
        byte[] master = masterSecret();
        voterKeySecret = hmac(master, "mvoting/voter-key");
        phoneKeySecret = hmac(master, "mvoting/phone-key");
        otpSecret = hmac(master, "mvoting/otp");
        tokenSecret = hmac(master, "mvoting/token");
        sealSecret = hmac(master, "mvoting/receipt-seal");
        inboxKey = hmac(master, "mvoting/ballot-inbox");
        receiptKeySecret = hmac(master, "mvoting/receipt-key");
        phoneSealKey = hmac(master, "mvoting/phone-seal");
        summaryKey = hmac(master, "mvoting/results-summary");
    }

    private byte[] masterSecret() {
        String configured = CitySettings.secret().orElse(null);
        if (configured != null) {
            if (configured.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("MVOTING_SECRET must be at least " + MIN_SECRET_LENGTH + " characters");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        Path file = Paths.get(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                "mvoting", "server-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Files.writeString(file, Base64.getEncoder().encodeToString(fresh));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    LOG.fine("file system without POSIX permissions");
                }
                LOG.warning("MVOTING_SECRET is not set: created a server secret in " + file
                        + ". Set MVOTING_SECRET (the same on every node) in production.");
            }
            return Files.readString(file).strip().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the server secret at " + file, e);
        }
    }

    /** The voter key for a verified identity such as "phone:+821012345678": the same on every channel. */
    public byte[] voterKey(String verifiedIdentity) {
        return hmac(voterKeySecret, verifiedIdentity);
    }

    /** A member of staff votes under a key derived from their portal ID, the same from portal and app. */
    public byte[] staffVoterKey(String staffId) {
        return voterKey("staff:" + staffId);
    }

    /**
     * A device's key: which device took part in a device-level poll, and the voter key of a device nobody has
     * signed in on ("device:" keeps it apart from every phone and staff key).
     */
    public byte[] deviceKey(DeviceId device) {
        return voterKey("device:" + device.value());
    }

    /** The bucket name of a rate-limited subject (a network address, say): a keyed hash, never the value. */
    public String limitBucket(String limit, String subject) {
        return limit + ":" + HexFormat.of().formatHex(hmac(voterKeySecret, "limit:" + limit + ":" + subject), 0, 24);
    }

    public byte[] voterKey(PhoneNumber phone) {
        return voterKey("phone:" + phone.e164());
    }

    /** How a phone number is recognised in storage without storing the number. */
    public byte[] phoneKey(PhoneNumber phone) {
        return hmac(phoneKeySecret, phone.e164());
    }

    public byte[] codeHash(UUID challengeId, String code) {
        return hmac(otpSecret, challengeId + ":" + code);
    }

    public byte[] tokenSecret() {
        return tokenSecret.clone();
    }

    public byte[] sealSecret() {
        return sealSecret.clone();
    }

    /** The key that seals ballots while they wait in the inbox for the mixer. */
    public byte[] inboxKey() {
        return inboxKey.clone();
    }

    /** How a pending ballot's receipt is recognised without storing the receipt next to the participation. */
    public byte[] receiptKey(UUID pollId, String receipt) {
        return hmac(receiptKeySecret, pollId + ":" + receipt);
    }

    /** A phone number encrypted for keeping until it is messaged (outbox, LISTED polls' invitations). */
    public byte[] sealPhone(PhoneNumber phone) {
        return SealedPhone.seal(phoneSealKey, phone, random);
    }

    /** The number {@link #sealPhone} sealed; empty if these bytes were not sealed under this server's secret. */
    public Optional<PhoneNumber> openPhone(byte[] sealed) {
        return SealedPhone.open(phoneSealKey, sealed);
    }

    /**
     * A results summary's verification code: 80 bits of an HMAC over its exact content, in base32 as
     * XXXX-XXXX-XXXX-XXXX. Only this server can issue one; any change to the content changes it.
     */
    public String summaryCode(String content) {
        byte[] mac = hmac(summaryKey, content);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder code = new StringBuilder();
        long bits = 0;
        int count = 0;
        for (int i = 0; i < 10; i++) {
            bits = (bits << 8) | (mac[i] & 0xff);
            count += 8;
            while (count >= 5) {
                code.append(alphabet.charAt((int) ((bits >> (count - 5)) & 31)));
                count -= 5;
            }
        }
        return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-" + code.substring(12, 16);
    }

    /** The short token of a number's opt-out link: the same for every invitation to it, unguessable without the secret. */
    public String optOutToken(byte[] voterKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(
                hmac(summaryKey, "opt-out:" + HexFormat.of().formatHex(voterKey)), 12));
    }

    /** How a printed event token is recognised without keeping its code. */
    public byte[] tokenCodeHash(String code) {
        return hmac(otpSecret, "event-token:" + code);
    }

    public SecureRandom random() {
        return random;
    }

    static byte[] hmac(byte[] key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
