package org.mvoting.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvoting.domain.identity.PhoneNumber;

/** Calls the package-private {@code load()} directly, with the secret given as the system property. */
class ServerSecretsTest {

    private static final String PROPERTY = "mvoting.secret";
    private static final String SECRET = "0123456789abcdefghij0123456789abcdefghij"; // 40 characters
    private static final String OTHER_SECRET = "ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210zyxw";
    private static final String IDENTITY = "phone:+821012345678";
    private static final PhoneNumber PHONE = PhoneNumber.parse("010-1234-5678");

    private String previous;

    @BeforeEach
    void rememberProperty() {
        previous = System.getProperty(PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (previous == null) {
            System.clearProperty(PROPERTY);
        } else {
            System.setProperty(PROPERTY, previous);
        }
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
}
