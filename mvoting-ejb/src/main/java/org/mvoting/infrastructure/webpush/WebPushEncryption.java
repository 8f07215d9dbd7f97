package org.mvoting.infrastructure.webpush;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Message encryption for Web Push (RFC 8291) in the {@code aes128gcm} content coding (RFC 8188): an ECDH secret
 * between a fresh sender key and the subscriber's {@code p256dh} key, mixed with the subscriber's {@code auth}
 * secret, keys AES-128-GCM over the payload. The push service carries only ciphertext; the browser decrypts.
 *
 * <p>One record only: a push message is at most 4096 bytes (RFC 8291 §4), so a single record of
 * {@value #RECORD_SIZE} holds it; {@link #decrypt} (used by tests acting as the browser) reads that same shape.
 */
public final class WebPushEncryption {

    /** The record size written in the header; RFC 8291 §4 caps the whole message at 4096 bytes. */
    public static final int RECORD_SIZE = 4096;
    /** The largest plaintext one push message can carry: 4096 minus header (86), delimiter (1) and tag (16). */
    public static final int MAX_PLAINTEXT = RECORD_SIZE - 86 - 1 - 16;
    /** Length of the {@code auth} secret a browser hands out (RFC 8291 §3.2). */
    public static final int AUTH_SECRET_LENGTH = 16;
    private static final int SALT_LENGTH = 16;
    private static final int TAG_BITS = 128;
    private static final int HEADER_LENGTH = SALT_LENGTH + 4 + 1 + P256.PUBLIC_KEY_LENGTH;
    private static final byte LAST_RECORD = 0x02;

    private static final SecureRandom RANDOM = new SecureRandom();

    private WebPushEncryption() {
    }

    /** Encrypts {@code plaintext} for the subscriber with a fresh sender key and salt: the body to POST. */
    public static byte[] encrypt(byte[] plaintext, byte[] subscriberPublicKey, byte[] authSecret) {
        byte[] salt = new byte[SALT_LENGTH];
        RANDOM.nextBytes(salt);
        return encrypt(plaintext, subscriberPublicKey, authSecret, P256.generate(), salt);
    }

    /** Encrypts with the given sender key pair and salt: only for the RFC's test vectors, never twice in production. */
    static byte[] encrypt(byte[] plaintext, byte[] subscriberPublicKey, byte[] authSecret, KeyPair sender, byte[] salt) {
        if (plaintext.length > MAX_PLAINTEXT) {
            throw new IllegalArgumentException("a push message carries at most " + MAX_PLAINTEXT + " bytes");
        }
        checkAuth(authSecret);
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("the salt is 16 bytes");
        }
        ECPublicKey subscriber = P256.publicKey(subscriberPublicKey);
        byte[] senderPublic = P256.encode((ECPublicKey) sender.getPublic());
        byte[] ecdh = agree((ECPrivateKey) sender.getPrivate(), subscriber);
        byte[] ikm = inputKeyingMaterial(ecdh, authSecret, subscriberPublicKey, senderPublic);
        return aes128gcm(ikm, salt, senderPublic, plaintext);
    }

    /** RFC 8188 §2: one record of the {@code aes128gcm} coding, header included (salt, rs, idlen, keyid). */
    static byte[] aes128gcm(byte[] ikm, byte[] salt, byte[] keyId, byte[] plaintext) {
        byte[] record = new byte[plaintext.length + 1];
        System.arraycopy(plaintext, 0, record, 0, plaintext.length);
        record[plaintext.length] = LAST_RECORD; // no padding: a notification's length tells little
        byte[] ciphertext = gcm(Cipher.ENCRYPT_MODE, ikm, salt, record);
        return ByteBuffer.allocate(SALT_LENGTH + 4 + 1 + keyId.length + ciphertext.length)
                .put(salt).putInt(RECORD_SIZE).put((byte) keyId.length).put(keyId)
                .put(ciphertext).array();
    }

    /**
     * Decrypts a one-record {@code aes128gcm} Web Push body as the browser would, with the subscriber's private key:
     * for tests acting as the push service and the browser.
     */
    public static byte[] decrypt(byte[] body, KeyPair subscriber, byte[] authSecret) {
        checkAuth(authSecret);
        if (body.length < HEADER_LENGTH + TAG_BITS / 8 + 1) {
            throw new IllegalArgumentException("too short for an aes128gcm body");
        }
        byte[] senderPublic = Arrays.copyOfRange(body, SALT_LENGTH + 5, HEADER_LENGTH);
        if ((body[SALT_LENGTH + 4] & 0xff) != P256.PUBLIC_KEY_LENGTH) {
            throw new IllegalArgumentException("the keyid of a Web Push body is the sender's public key");
        }
        byte[] subscriberPublic = P256.encode((ECPublicKey) subscriber.getPublic());
        byte[] ecdh = agree((ECPrivateKey) subscriber.getPrivate(), P256.publicKey(senderPublic));
        return aes128gcmDecrypt(inputKeyingMaterial(ecdh, authSecret, subscriberPublic, senderPublic), body);
    }

    /** Reads one {@code aes128gcm} record (RFC 8188 §2) with the given input keying material. */
    static byte[] aes128gcmDecrypt(byte[] ikm, byte[] body) {
        if (body.length < SALT_LENGTH + 5 + TAG_BITS / 8 || body.length < SALT_LENGTH + 5 + (body[SALT_LENGTH + 4] & 0xff)) {
            throw new IllegalArgumentException("too short for an aes128gcm body");
        }
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[SALT_LENGTH];
        in.get(salt);
        int recordSize = in.getInt();
        byte[] keyId = new byte[in.get() & 0xff];
        in.get(keyId);
        if (recordSize < in.remaining()) {
            throw new IllegalArgumentException("more than one record: a push message is one");
        }
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);
        byte[] record = gcm(Cipher.DECRYPT_MODE, ikm, salt, ciphertext);
        int end = record.length - 1;
        while (end >= 0 && record[end] == 0) {
            end--; // padding
        }
        if (end < 0 || record[end] != LAST_RECORD) {
            throw new IllegalArgumentException("the record does not end with the last-record delimiter");
        }
        return Arrays.copyOf(record, end);
    }

    private static void checkAuth(byte[] authSecret) {
        if (authSecret.length != AUTH_SECRET_LENGTH) {
            throw new IllegalArgumentException("the auth secret is 16 bytes");
        }
    }

    private static byte[] agree(ECPrivateKey own, ECPublicKey other) {
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(own);
            agreement.doPhase(other, true);
            return agreement.generateSecret();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("ECDH failed", e);
        }
    }

    /** RFC 8291 §3.3-3.4: IKM = HKDF(salt = auth, ikm = ECDH, info = "WebPush: info" 0 ua_public as_public, 32). */
    private static byte[] inputKeyingMaterial(byte[] ecdh, byte[] auth, byte[] uaPublic, byte[] asPublic) {
        byte[] prk = hmac(auth, ecdh);
        byte[] label = "WebPush: info\0".getBytes(StandardCharsets.US_ASCII);
        byte[] info = ByteBuffer.allocate(label.length + uaPublic.length + asPublic.length)
                .put(label).put(uaPublic).put(asPublic).array();
        return expand(prk, info, 32);
    }

    /** RFC 8188 §2.2-2.3: the content key and nonce from the IKM and the salt, then one AES-128-GCM record. */
    private static byte[] gcm(int mode, byte[] ikm, byte[] salt, byte[] input) {
        byte[] prk = hmac(salt, ikm);
        byte[] key = expand(prk, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        // record sequence number 0: the derived nonce is used as is; the key and nonce are new for every salt
        byte[] nonce = expand(prk, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("AES-GCM failed (wrong key or a forged body)", e);
        }
    }

    /** HKDF-Expand (RFC 5869) for at most one block, which is all Web Push needs. */
    private static byte[] expand(byte[] prk, byte[] info, int length) {
        byte[] input = Arrays.copyOf(info, info.length + 1);
        input[info.length] = 0x01;
        return Arrays.copyOf(hmac(prk, input), length);
    }

    /** HMAC-SHA-256, which is also HKDF-Extract(salt = key, ikm = data). */
    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no HMAC-SHA-256", e);
        }
    }
}
