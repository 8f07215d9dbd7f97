package org.mvoting.infrastructure.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
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
 * <p>Without MVOTING_SECRET only a demo system (MVOTING_DEMO=true) starts: it creates a random secret once in the
 * server's data directory (owner-only from its creation), so the demo keeps recognising voters across restarts.
 * Anywhere else a missing secret refuses the deployment: a node that made up its own would derive other voter keys,
 * and the same phone could vote again. {@link #fingerprint()} lets {@link ServerSecretCheck} hold every node of a
 * database to the one secret it was first started with.
 */
@ApplicationScoped
public class ServerSecrets {

    private static final Logger LOG = Logger.getLogger(ServerSecrets.class.getName());
    private static final int MIN_SECRET_LENGTH = 32;
    /** What the fingerprint is a keyed hash of: a constant, so the fingerprint says nothing about the secret. */
    private static final String FINGERPRINT_LABEL = "mvoting/secret-fingerprint/v1";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
    private byte[] vapidSeed;
    private String fingerprint;

    @PostConstruct
    void load() {
        byte[] master = masterSecret();
        fingerprint = fingerprintOf(master);
        voterKeySecret = hmac(master, "mvoting/voter-key");
        phoneKeySecret = hmac(master, "mvoting/phone-key");
        otpSecret = hmac(master, "mvoting/otp");
        tokenSecret = hmac(master, "mvoting/token");
        sealSecret = hmac(master, "mvoting/receipt-seal");
        inboxKey = hmac(master, "mvoting/ballot-inbox");
        receiptKeySecret = hmac(master, "mvoting/receipt-key");
        phoneSealKey = hmac(master, "mvoting/phone-seal");
        summaryKey = hmac(master, "mvoting/results-summary");
        vapidSeed = hmac(master, "mvoting/vapid");
    }

    private byte[] masterSecret() {
        String configured = CitySettings.secret().orElse(null);
        if (configured != null) {
            if (configured.length() < MIN_SECRET_LENGTH) {
                throw new IllegalStateException("MVOTING_SECRET must be at least " + MIN_SECRET_LENGTH + " characters");
            }
            return configured.getBytes(StandardCharsets.UTF_8);
        }
        if (!CitySettings.demo()) {
            throw new IllegalStateException(MISSING_SECRET);
        }
        Path file = Paths.get(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                "mvoting", "server-secret");
        return readOrCreateSecretFile(file, random).getBytes(StandardCharsets.UTF_8);
    }

    /** Why a node without MVOTING_SECRET does not start (outside the demo). */
    static final String MISSING_SECRET = "mVoting cannot start: MVOTING_SECRET is not set. Every node of an mVoting"
            + " system needs the same secret of at least " + MIN_SECRET_LENGTH + " characters (voter keys are derived"
            + " from it; a node with a secret of its own would let the same phone vote again). Set MVOTING_SECRET"
            + " (environment) or the system property mvoting.secret; only a demo system (MVOTING_DEMO=true) may run"
            + " without it, on a secret file of its own.";

    /**
     * The demo's secret file: read if it exists, else created with a fresh random secret. The file is created
     * owner-only (0600) under a temporary name before any byte of the secret is written, then linked to its name
     * in one step, so no other user can ever read it and no reader sees it half written.
     */
    static String readOrCreateSecretFile(Path file, SecureRandom random) {
        try {
            if (!Files.exists(file)) {
                Path folder = file.toAbsolutePath().getParent();
                Files.createDirectories(folder);
                byte[] fresh = new byte[32];
                random.nextBytes(fresh);
                Path draft = createOwnerOnly(folder);
                try {
                    Files.writeString(draft, Base64.getEncoder().encodeToString(fresh));
                    try {
                        Files.createLink(file, draft); // fails if another start created the file meanwhile
                        LOG.warning("MVOTING_SECRET is not set: this demo system created a server secret in " + file
                                + ". Outside the demo set MVOTING_SECRET, the same on every node.");
                    } catch (FileAlreadyExistsException taken) {
                        LOG.fine("the server secret file was created meanwhile: reading that one");
                    } catch (UnsupportedOperationException noLinks) {
                        Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
                    }
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read or create the server secret at " + file, e);
        }
    }

    /** An empty temporary file in {@code folder}, readable and writable by its owner only from its creation. */
    static Path createOwnerOnly(Path folder) throws IOException {
        try {
            return Files.createTempFile(folder, ".server-secret", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            LOG.warning("The file system at " + folder + " has no POSIX permissions: protect the server secret there yourself");
            return Files.createTempFile(folder, ".server-secret", ".tmp");
        }
    }

    /**
     * A fingerprint of a master secret: the hex HMAC-SHA256 of a fixed constant under it. It tells whether two
     * nodes share a secret without revealing it.
     */
    public static String fingerprintOf(String masterSecret) {
        return fingerprintOf(masterSecret.getBytes(StandardCharsets.UTF_8));
    }

    private static String fingerprintOf(byte[] master) {
        return HexFormat.of().formatHex(hmac(master, FINGERPRINT_LABEL));
    }

    /** This node's secret's fingerprint ({@link #fingerprintOf(String)}). */
    public String fingerprint() {
        return fingerprint;
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

    /** The digest behind a citizen's mileage payee code (domain.mileage.PayeeCode): keyed, so only this server maps it back. */
    public byte[] payeeDigest(UUID citizenId) {
        return hmac(voterKeySecret, "mileage-payee:" + citizenId);
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

    /** What a demo system derives its VAPID key pair from when none is configured (the same on every node). */
    public byte[] vapidSeed() {
        return vapidSeed.clone();
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
