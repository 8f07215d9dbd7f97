package org.mvoting.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvoting.domain.identity.PhoneNumber;

/** Calls the package-private {@code load()} directly, with the secret (and the demo flag) given as system properties. */
class ServerSecretsTest {

    private static final String PROPERTY = "mvoting.secret";
    private static final String DEMO = "mvoting.demo";
    private static final String DATA_DIR = "jboss.server.data.dir";
    private static final String SECRET = "0123456789abcdefghij0123456789abcdefghij"; // 40 characters
    private static final String OTHER_SECRET = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxw";
    private static final String IDENTITY = "phone:+821012345678";
    private static final PhoneNumber PHONE = PhoneNumber.parse("010-1234-5678");

    private final Map<String, String> previous = new HashMap<>();

    @TempDir
    Path dataDir;

    @BeforeEach
    void rememberProperties() {
        for (String name : List.of(PROPERTY, DEMO, DATA_DIR)) {
            previous.put(name, System.getProperty(name));
        }
        System.setProperty(DATA_DIR, dataDir.toString());
    }

    @AfterEach
    void restoreProperties() {
        previous.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    private static ServerSecrets loadedWith(String secret) {
        System.setProperty(PROPERTY, secret);
        ServerSecrets secrets = new ServerSecrets();
        secrets.load();
        return secrets;
    }

    @Test
    void voterKeyIsStableForTheSameSecret() {
        byte[] first = loadedWith(SECRET).voterKey(IDENTITY);
        byte[] second = loadedWith(SECRET).voterKey(IDENTITY);

        assertEquals(32, first.length);
        assertArrayEquals(first, second);
    }

    @Test
    void voterKeyDiffersForAnotherSecret() {
        byte[] ours = loadedWith(SECRET).voterKey(IDENTITY);
        byte[] theirs = loadedWith(OTHER_SECRET).voterKey(IDENTITY);

        assertFalse(Arrays.equals(ours, theirs));
    }

    @Test
    void voterKeyDiffersForAnotherIdentity() {
        ServerSecrets secrets = loadedWith(SECRET);

        assertFalse(Arrays.equals(secrets.voterKey(IDENTITY), secrets.voterKey("phone:+821087654321")));
    }

    @Test
    void voterKeyOfAPhoneIsTheVoterKeyOfItsPhoneIdentity() {
        ServerSecrets secrets = loadedWith(SECRET);

        assertArrayEquals(secrets.voterKey(IDENTITY), secrets.voterKey(PHONE));
    }

    @Test
    void voterKeyDiffersFromPhoneKeyForTheSamePhone() {
        ServerSecrets secrets = loadedWith(SECRET);

        assertFalse(Arrays.equals(secrets.voterKey(PHONE), secrets.phoneKey(PHONE)));
    }

    @Test
    void phoneKeyIsStableForTheSameSecret() {
        assertArrayEquals(loadedWith(SECRET).phoneKey(PHONE), loadedWith(SECRET).phoneKey(PHONE));
    }

    @Test
    void eachPurposeGetsItsOwnKey() {
        ServerSecrets secrets = loadedWith(SECRET);

        assertFalse(Arrays.equals(secrets.tokenSecret(), secrets.sealSecret()));
        assertFalse(Arrays.equals(secrets.tokenSecret(), loadedWith(OTHER_SECRET).tokenSecret()));
    }

    @Test
    void secretAccessorsReturnCopies() {
        ServerSecrets secrets = loadedWith(SECRET);
        byte[] token = secrets.tokenSecret();
        token[0] ^= 1;

        assertFalse(Arrays.equals(token, secrets.tokenSecret()));
    }

    @Test
    void codeHashDependsOnTheChallengeAndTheCode() {
        ServerSecrets secrets = loadedWith(SECRET);
        UUID challenge = UUID.randomUUID();

        assertArrayEquals(secrets.codeHash(challenge, "123456"), secrets.codeHash(challenge, "123456"));
        assertFalse(Arrays.equals(secrets.codeHash(challenge, "123456"), secrets.codeHash(challenge, "123457")));
        assertFalse(Arrays.equals(secrets.codeHash(challenge, "123456"),
                secrets.codeHash(UUID.randomUUID(), "123456")));
    }

    @Test
    void secretOfThirtyTwoCharactersIsEnough() {
        ServerSecrets secrets = loadedWith(SECRET.substring(0, 32));

        assertEquals(32, secrets.voterKey(IDENTITY).length);
    }

    @Test
    void tooShortSecretIsRefused() {
        System.setProperty(PROPERTY, SECRET.substring(0, 31));
        ServerSecrets secrets = new ServerSecrets();

        assertThrows(IllegalStateException.class, secrets::load);
    }

    @Test
    void withoutTheSecretOutsideTheDemoTheNodeRefusesToStartNamingTheSetting() {
        System.clearProperty(PROPERTY);
        System.setProperty(DEMO, "false");
        ServerSecrets secrets = new ServerSecrets();

        IllegalStateException refused = assertThrows(IllegalStateException.class, secrets::load);

        assertTrue(refused.getMessage().contains("MVOTING_SECRET is not set"), refused.getMessage());
        assertTrue(refused.getMessage().contains("MVOTING_DEMO=true"), refused.getMessage());
        assertFalse(Files.exists(dataDir.resolve("mvoting")), "no secret file is made up outside the demo");
    }

    @Test
    void theDemoWithoutTheSecretCreatesAnOwnerOnlySecretFileOnceAndKeepsIt() throws Exception {
        System.clearProperty(PROPERTY);
        System.setProperty(DEMO, "true");

        ServerSecrets first = new ServerSecrets();
        first.load();
        ServerSecrets afterRestart = new ServerSecrets();
        afterRestart.load();

        Path file = dataDir.resolve("mvoting").resolve("server-secret");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
        assertEquals(44, Files.readString(file).strip().length(), "32 random bytes in base64");
        assertArrayEquals(first.voterKey(IDENTITY), afterRestart.voterKey(IDENTITY));
        assertEquals(ServerSecrets.fingerprintOf(Files.readString(file).strip()), first.fingerprint());
        try (Stream<Path> left = Files.list(file.getParent())) {
            assertEquals(List.of(file), left.toList(), "no temporary file is left beside it");
        }
    }

    @Test
    void theSecretFileIsOwnerOnlyFromItsCreationBeforeAnyContentIsWritten() throws Exception {
        Path draft = ServerSecrets.createOwnerOnly(dataDir);

        assertEquals(0, Files.size(draft), "created empty: the secret is written only into an owner-only file");
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(draft));
    }

    @Test
    void theSecretFileIsCreatedWhereItsFolderDoesNotExistYet() throws Exception {
        Path file = dataDir.resolve("fresh").resolve("server-secret");

        String secret = ServerSecrets.readOrCreateSecretFile(file, new SecureRandom());

        assertEquals(secret, Files.readString(file).strip());
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(file));
    }

    @Test
    void anExistingSecretFileIsReadNotReplaced() throws Exception {
        Path file = dataDir.resolve("server-secret");
        Files.writeString(file, "kept-secret-0123456789abcdefghijklmnop\n");

        assertEquals("kept-secret-0123456789abcdefghijklmnop", ServerSecrets.readOrCreateSecretFile(file, new SecureRandom()));
    }

    @Test
    void theFingerprintIsAKeyedHashOfAConstantStableForTheSecretAndNeverTheSecret() {
        ServerSecrets secrets = loadedWith(SECRET);

        assertEquals(64, secrets.fingerprint().length());
        assertEquals(ServerSecrets.fingerprintOf(SECRET), secrets.fingerprint());
        assertEquals(secrets.fingerprint(), loadedWith(SECRET).fingerprint());
        assertNotEquals(secrets.fingerprint(), loadedWith(OTHER_SECRET).fingerprint());
        assertFalse(secrets.fingerprint().contains(HexFormat.of().formatHex(SECRET.getBytes(StandardCharsets.UTF_8))));
        assertFalse(Arrays.equals(HexFormat.of().parseHex(secrets.fingerprint()), secrets.voterKey(IDENTITY)));
    }

    @Test
    void aMismatchNamesBothFingerprintsBeginningsAndWhatToDo() {
        String stored = ServerSecrets.fingerprintOf(SECRET);
        String ours = ServerSecrets.fingerprintOf(OTHER_SECRET);

        String message = ServerSecretCheck.mismatch(stored, ours);

        assertTrue(message.contains(stored.substring(0, 12)) && message.contains(ours.substring(0, 12)), message);
        assertFalse(message.contains(stored) || message.contains(ours), "only the beginnings");
        assertTrue(message.contains("MVOTING_SECRET"), message);
        assertFalse(message.contains(SECRET) || message.contains(OTHER_SECRET));
    }
}
