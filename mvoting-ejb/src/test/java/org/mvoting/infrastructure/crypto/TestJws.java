package org.mvoting.infrastructure.crypto;

import jakarta.json.Json;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Test-only JWS maker, for tokens like the mobile office's (and for the broken ones it must never issue).
 * Claim values may be String, Number, Boolean, Collection, Map or JSON-P values.
 *
 * <p>ES256 is signed in DER by the JDK and turned into JOSE's R || S here, independently of how the
 * verifier reads it.
 */
public final class TestJws {

    private TestJws() {
    }

    /** A fresh RSA 2048 key pair. */
    public static KeyPair rsaKeyPair() {
        return keyPair("RSA", 2048, null);
    }

    /** A fresh EC key pair on P-256. */
    public static KeyPair ecKeyPair() {
        return keyPair("EC", 0, "secp256r1");
    }

    /** A fresh EC key pair on another named curve, e.g. {@code secp384r1}. */
    public static KeyPair ecKeyPair(String curve) {
        return keyPair("EC", 0, curve);
    }

    /** A compact JWS with header {@code {"alg":"RS256","typ":"JWT"}}. */
    public static String rs256(PrivateKey key, Map<String, Object> claims) {
        return sign(key, header("RS256"), claims);
    }

    /** A compact JWS with header {@code {"alg":"ES256","typ":"JWT"}} and a JOSE (R || S) signature. */
    public static String es256(PrivateKey key, Map<String, Object> claims) {
        return sign(key, header("ES256"), claims);
    }

    /**
     * A compact JWS with the given header, signed according to its {@code alg} (RS256 or ES256) with the key,
     * whatever else the header says (so {@code crit} or {@code kid} can be tried).
     */
    public static String sign(PrivateKey key, Map<String, Object> header, Map<String, Object> claims) {
        return signRaw(key, String.valueOf(header.get("alg")), json(header), json(claims));
    }

    /** As {@link #sign}, from JSON text as is (for duplicate members, odd spacing and the like). */
    public static String signRaw(PrivateKey key, String alg, String headerJson, String claimsJson) {
        String signingInput = b64url(headerJson) + "." + b64url(claimsJson);
        byte[] input = signingInput.getBytes(StandardCharsets.US_ASCII);
        byte[] signature = switch (alg) {
            case "RS256" -> jca("SHA256withRSA", key, input);
            case "ES256" -> derToJose(jca("SHA256withECDSA", key, input), 32);
            default -> throw new IllegalArgumentException("TestJws signs RS256 or ES256, not " + alg);
        };
        return signingInput + "." + b64url(signature);
    }

    /** An HS256 token with the given secret (e.g. the encoded public key, for the key-confusion attack). */
    public static String hs256(byte[] secret, Map<String, Object> claims) {
        String signingInput = b64url(json(header("HS256"))) + "." + b64url(json(claims));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return signingInput + "." + b64url(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An unsecured JWS: header {@code {"alg":"none"}} and an empty signature. */
    public static String unsecured(Map<String, Object> claims) {
        return b64url(json(Map.of("alg", "none"))) + "." + b64url(json(claims)) + ".";
    }

    /** The public key as X.509 SubjectPublicKeyInfo PEM, 64 characters a line. */
    public static String pem(PublicKey key) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /** {@code {"alg":alg,"typ":"JWT"}}, mutable, in that order. */
    public static Map<String, Object> header(String alg) {
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        return header;
    }

    /** The JSON text of a map, members in its iteration order. */
    public static String json(Map<String, Object> members) {
        return Json.createObjectBuilder(members).build().toString();
    }

    public static String b64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String b64url(String text) {
        return b64url(text.getBytes(StandardCharsets.UTF_8));
    }

    /** DER {@code SEQUENCE { INTEGER r, INTEGER s }} to JOSE's fixed-width R || S. */
    public static byte[] derToJose(byte[] der, int width) {
        int offset = 2;
        if (der[0] != 0x30) {
            throw new IllegalArgumentException("not a DER sequence");
        }
        if ((der[1] & 0x80) != 0) {
            offset += der[1] & 0x7f; // long-form length
        }
        byte[] jose = new byte[2 * width];
        for (int i = 0; i < 2; i++) {
            if (der[offset] != 0x02) {
                throw new IllegalArgumentException("not a DER integer");
            }
            int length = der[offset + 1];
            byte[] value = new BigInteger(1, java.util.Arrays.copyOfRange(der, offset + 2, offset + 2 + length)).toByteArray();
            int start = value.length > width ? value.length - width : 0; // drop a sign byte
            int copied = value.length - start;
            System.arraycopy(value, start, jose, i * width + width - copied, copied);
            offset += 2 + length;
        }
        return jose;
    }

    private static byte[] jca(String algorithm, PrivateKey key, byte[] input) {
        try {
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(input);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair keyPair(String type, int bits, String curve) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
            if (curve != null) {
                generator.initialize(new ECGenParameterSpec(curve));
            } else {
                generator.initialize(bits);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
