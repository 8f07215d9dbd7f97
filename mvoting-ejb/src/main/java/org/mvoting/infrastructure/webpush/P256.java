package org.mvoting.infrastructure.webpush;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * NIST P-256 keys in the raw forms Web Push uses: a public key is the 65-byte uncompressed point (0x04 || X || Y),
 * as the browser's {@code PushSubscription.getKey("p256dh")} and VAPID's {@code k=} give it; a private key is the
 * 32-byte scalar. The JDK only speaks X.509/PKCS#8 and spec objects, so the conversions live here.
 */
public final class P256 {

    /** Length of an uncompressed public point: 0x04, X and Y of 32 bytes each. */
    public static final int PUBLIC_KEY_LENGTH = 65;
    /** Length of a private scalar. */
    public static final int PRIVATE_KEY_LENGTH = 32;
    private static final int COORDINATE_LENGTH = 32;

    private static final ECParameterSpec PARAMETERS = parameters();

    private P256() {
    }

    private static ECParameterSpec parameters() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no P-256", e);
        }
    }

    /** A fresh key pair (the per-message key of RFC 8291, or a new VAPID pair). */
    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make P-256 keys", e);
        }
    }

    /** The public key from its 65-byte uncompressed point; a point off the curve is refused. */
    public static ECPublicKey publicKey(byte[] uncompressed) {
        if (uncompressed.length != PUBLIC_KEY_LENGTH || uncompressed[0] != 0x04) {
            throw new IllegalArgumentException("a P-256 public key is 65 bytes starting with 0x04");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1, 1 + COORDINATE_LENGTH));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(uncompressed, 1 + COORDINATE_LENGTH, PUBLIC_KEY_LENGTH));
        try {
            // SunEC checks the point is on the curve when the key is used; checking here refuses it at the door
            checkOnCurve(x, y);
            return (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(new ECPoint(x, y), PARAMETERS));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 public key", e);
        }
    }

    private static void checkOnCurve(BigInteger x, BigInteger y) {
        BigInteger p = ((java.security.spec.ECFieldFp) PARAMETERS.getCurve().getField()).getP();
        if (x.compareTo(p) >= 0 || y.compareTo(p) >= 0) {
            throw new IllegalArgumentException("not a P-256 point");
        }
        BigInteger left = y.multiply(y).mod(p);
        BigInteger right = x.pow(3).add(PARAMETERS.getCurve().getA().multiply(x)).add(PARAMETERS.getCurve().getB()).mod(p);
        if (!left.equals(right)) {
            throw new IllegalArgumentException("not a P-256 point");
        }
    }

    /** The private key from its 32-byte scalar. */
    public static ECPrivateKey privateKey(byte[] scalar) {
        if (scalar.length != PRIVATE_KEY_LENGTH) {
            throw new IllegalArgumentException("a P-256 private key is 32 bytes");
        }
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new ECPrivateKeySpec(new BigInteger(1, scalar), PARAMETERS));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a P-256 private key", e);
        }
    }

    /**
     * The public key of a private scalar (d·G). The JDK has no public API for this, so it is the textbook
     * double-and-add in affine coordinates: not constant-time, which is fine for the one derivation at start-up
     * of a key whose public half is published anyway, and never used on a per-message secret.
     */
    public static ECPublicKey publicKeyOf(ECPrivateKey key) {
        BigInteger p = ((java.security.spec.ECFieldFp) PARAMETERS.getCurve().getField()).getP();
        BigInteger a = PARAMETERS.getCurve().getA();
        BigInteger[] result = null;
        BigInteger[] addend = {PARAMETERS.getGenerator().getAffineX(), PARAMETERS.getGenerator().getAffineY()};
        BigInteger scalar = key.getS();
        for (int bit = 0; bit < scalar.bitLength(); bit++) {
            if (scalar.testBit(bit)) {
                result = add(result, addend, p, a);
            }
            addend = add(addend, addend, p, a);
        }
        if (result == null) {
            throw new IllegalArgumentException("a private key of zero");
        }
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(new ECPoint(result[0], result[1]), PARAMETERS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Affine point addition (and doubling when both are the same point); null is the point at infinity. */
    private static BigInteger[] add(BigInteger[] one, BigInteger[] two, BigInteger p, BigInteger a) {
        if (one == null) {
            return two;
        }
        if (two == null) {
            return one;
        }
        BigInteger slope;
        if (one[0].equals(two[0])) {
            if (!one[1].equals(two[1]) || one[1].signum() == 0) {
                return null; // P + (-P)
            }
            slope = one[0].pow(2).multiply(BigInteger.valueOf(3)).add(a)
                    .multiply(one[1].shiftLeft(1).modInverse(p)).mod(p);
        } else {
            slope = two[1].subtract(one[1]).multiply(two[0].subtract(one[0]).modInverse(p)).mod(p);
        }
        BigInteger x = slope.pow(2).subtract(one[0]).subtract(two[0]).mod(p);
        BigInteger y = slope.multiply(one[0].subtract(x)).subtract(one[1]).mod(p);
        return new BigInteger[] {x, y};
    }

    /** A private key derived from 32 or more bytes of secret material: the scalar (seed mod (n - 1)) + 1. */
    public static ECPrivateKey privateKeyFrom(byte[] seed) {
        BigInteger n = PARAMETERS.getOrder();
        BigInteger d = new BigInteger(1, seed).mod(n.subtract(BigInteger.ONE)).add(BigInteger.ONE);
        byte[] scalar = new byte[PRIVATE_KEY_LENGTH];
        copyUnsigned(d, scalar, 0);
        return privateKey(scalar);
    }

    /** The 65-byte uncompressed point of a public key. */
    public static byte[] encode(ECPublicKey key) {
        byte[] out = new byte[PUBLIC_KEY_LENGTH];
        out[0] = 0x04;
        copyUnsigned(key.getW().getAffineX(), out, 1);
        copyUnsigned(key.getW().getAffineY(), out, 1 + COORDINATE_LENGTH);
        return out;
    }

    /** The 32-byte scalar of a private key. */
    public static byte[] encode(ECPrivateKey key) {
        byte[] out = new byte[PRIVATE_KEY_LENGTH];
        copyUnsigned(key.getS(), out, 0);
        return out;
    }

    private static void copyUnsigned(BigInteger value, byte[] out, int offset) {
        byte[] bytes = value.toByteArray(); // big-endian, maybe with a sign byte or shorter than 32
        int length = Math.min(bytes.length, COORDINATE_LENGTH);
        System.arraycopy(bytes, bytes.length - length, out, offset + COORDINATE_LENGTH - length, length);
    }

    /** Base64url without padding, as Web Push writes every key. */
    public static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Reads base64url with or without padding; anything else is refused. */
    public static byte[] fromBase64Url(String text) {
        return Base64.getUrlDecoder().decode(text.strip());
    }
}
