package org.mvoting.infrastructure.webpush;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class WebPushEncryptionTest {

    // RFC 8291 Appendix A ("Intermediate Values for Encryption") and §5 (the encrypted message)
    private static final String PLAINTEXT = "When I grow up, I want to be a watermelon";
    private static final String AS_PUBLIC = "BP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS6TlzAC8wEqKK6PBru3jl7A8";
    private static final String AS_PRIVATE = "yfWPiYE-n46HLnH0KqZOF1fJJU3MYrct3AELtAQ-oRw";
    private static final String UA_PUBLIC = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String UA_PRIVATE = "q1dXpw3UpT5VOmu_cf_v6ih07Aems3njxI-JWgLcM94";
    private static final String SALT = "DGv6ra1nlYgDCS1FRnbzlw";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";
    private static final String BODY = "DGv6ra1nlYgDCS1FRnbzlwAAEABBBP4z9KsN6nGRTbVYI_c7VJSPQTBtkgcy27mlmlMoZIIgDll6e3vCYLocInmYWAmS"
            + "6TlzAC8wEqKK6PBru3jl7A_yl95bQpu6cVPTpK4Mqgkf1CXztLVBSt2Ks3oZwbuwXPXLWyouBWLVWGNWQexSgSxsj_Qu"
            + "lcy4a-fN";

    // RFC 8188 §3.1 ("Encryption of a Response"): no keyid, rs 4096
    private static final String WALRUS_IKM = "yqdlZ-tYemfogSmv7Ws5PQ";
    private static final String WALRUS_SALT = "I1BsxtFttlv3u_Oo94xnmw";
    private static final String WALRUS_BODY = "I1BsxtFttlv3u_Oo94xnmwAAEAAA-NAVub2qFgBEuQKRapoZu-IxkIva3MEB1PD-ly8Thjg";

    private static byte[] b64(String text) {
        return P256.fromBase64Url(text);
    }

    private static KeyPair pair(String publicKey, String privateKey) {
        return new KeyPair(P256.publicKey(b64(publicKey)), P256.privateKey(b64(privateKey)));
    }

    @Test
    void theRfc8291ExampleEncryptsToTheExactBodyTheRfcPublishes() {
        byte[] body = WebPushEncryption.encrypt(PLAINTEXT.getBytes(StandardCharsets.UTF_8), b64(UA_PUBLIC), b64(AUTH),
                pair(AS_PUBLIC, AS_PRIVATE), b64(SALT));

        assertEquals(BODY, P256.base64Url(body));
    }

    @Test
    void theRfc8291BodyDecryptsWithTheBrowsersPrivateKey() {
        byte[] plaintext = WebPushEncryption.decrypt(b64(BODY), pair(UA_PUBLIC, UA_PRIVATE), b64(AUTH));

        assertEquals(PLAINTEXT, new String(plaintext, StandardCharsets.UTF_8));
    }

    @Test
    void theRfc8188ResponseExampleEncryptsAndDecryptsExactly() {
        byte[] body = WebPushEncryption.aes128gcm(b64(WALRUS_IKM), b64(WALRUS_SALT), new byte[0],
                "I am the walrus".getBytes(StandardCharsets.UTF_8));

        assertEquals(WALRUS_BODY, P256.base64Url(body));
        assertEquals("I am the walrus",
                new String(WebPushEncryption.aes128gcmDecrypt(b64(WALRUS_IKM), b64(WALRUS_BODY)), StandardCharsets.UTF_8));
    }

    @Test
    void aFreshMessageUsesANewKeyAndSaltEachTimeAndStillReachesTheBrowser() {
        KeyPair browser = P256.generate();
        byte[] publicKey = P256.encode((java.security.interfaces.ECPublicKey) browser.getPublic());
        byte[] auth = b64(AUTH);
        byte[] message = "{\"title\":\"새 투표\",\"link\":\"/m/#/polls/1\"}".getBytes(StandardCharsets.UTF_8);

        byte[] first = WebPushEncryption.encrypt(message, publicKey, auth);
        byte[] second = WebPushEncryption.encrypt(message, publicKey, auth);

        assertNotEquals(P256.base64Url(first), P256.base64Url(second));
        assertArrayEquals(message, WebPushEncryption.decrypt(first, browser, auth));
        assertArrayEquals(message, WebPushEncryption.decrypt(second, browser, auth));
    }

    @Test
    void aTamperedBodyOrTheWrongAuthSecretIsRefused() {
        byte[] body = b64(BODY);
        body[body.length - 1] ^= 1;
        KeyPair browser = pair(UA_PUBLIC, UA_PRIVATE);

        assertThrows(IllegalArgumentException.class, () -> WebPushEncryption.decrypt(body, browser, b64(AUTH)));
        assertThrows(IllegalArgumentException.class,
                () -> WebPushEncryption.decrypt(b64(BODY), browser, new byte[WebPushEncryption.AUTH_SECRET_LENGTH]));
    }

    @Test
    void badKeysAndOversizedMessagesAreRefusedBeforeAnythingIsSent() {
        byte[] auth = b64(AUTH);
        byte[] offCurve = b64(UA_PUBLIC);
        offCurve[64] ^= 1;

        assertThrows(IllegalArgumentException.class, () -> WebPushEncryption.encrypt(new byte[1], offCurve, auth));
        assertThrows(IllegalArgumentException.class, () -> WebPushEncryption.encrypt(new byte[1], new byte[33], auth));
        assertThrows(IllegalArgumentException.class, () -> WebPushEncryption.encrypt(new byte[1], b64(UA_PUBLIC), new byte[8]));
        assertThrows(IllegalArgumentException.class,
                () -> WebPushEncryption.encrypt(new byte[WebPushEncryption.MAX_PLAINTEXT + 1], b64(UA_PUBLIC), auth));
        assertEquals(WebPushEncryption.RECORD_SIZE,
                WebPushEncryption.encrypt(new byte[WebPushEncryption.MAX_PLAINTEXT], b64(UA_PUBLIC), auth).length);
    }

    @Test
    void theRfcKeyPairsRoundTripThroughTheirRawForms() {
        KeyPair server = pair(AS_PUBLIC, AS_PRIVATE);

        assertEquals(AS_PUBLIC, P256.base64Url(P256.encode((java.security.interfaces.ECPublicKey) server.getPublic())));
        assertEquals(AS_PRIVATE, P256.base64Url(P256.encode((java.security.interfaces.ECPrivateKey) server.getPrivate())));
    }

    @Test
    void thePublicKeyOfAPrivateKeyIsComputedAsTheRfcGivesIt() {
        assertEquals(AS_PUBLIC, P256.base64Url(P256.encode(P256.publicKeyOf(P256.privateKey(b64(AS_PRIVATE))))));
        assertEquals(UA_PUBLIC, P256.base64Url(P256.encode(P256.publicKeyOf(P256.privateKey(b64(UA_PRIVATE))))));
        KeyPair fresh = P256.generate();
        assertEquals(P256.base64Url(P256.encode((java.security.interfaces.ECPublicKey) fresh.getPublic())),
                P256.base64Url(P256.encode(P256.publicKeyOf((java.security.interfaces.ECPrivateKey) fresh.getPrivate()))));
    }

    @Test
    void aDerivedKeyIsTheSameForTheSameSecretAndMakesAWorkingVapidPair() {
        byte[] seed = new byte[32];
        seed[0] = 7;
        java.security.interfaces.ECPrivateKey one = P256.privateKeyFrom(seed);
        java.security.interfaces.ECPrivateKey two = P256.privateKeyFrom(seed.clone());

        assertEquals(one.getS(), two.getS());
        Vapid vapid = new Vapid(P256.encode(P256.publicKeyOf(one)), one, "mailto:a@b.kr");
        assertTrue(Vapid.verify(vapid.token(java.net.URI.create("https://push.example"), java.time.Instant.now()),
                vapid.publicKey()));
    }
}
