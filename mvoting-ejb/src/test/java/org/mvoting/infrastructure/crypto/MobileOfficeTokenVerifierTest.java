package org.mvoting.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mvoting.api.errors.ErrorKind;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.errors.InvalidTokenException.Reason;

class MobileOfficeTokenVerifierTest {

    private static final String ISSUER = "https://mobile-office.city.example/idp";
    private static final String AUDIENCE = "mvoting";
    private static final String STAFF = "staff.kim-01";
    private static final Instant NOW = Instant.parse("2030-03-01T09:00:00Z");
    private static final Duration SKEW = Duration.ofSeconds(60);
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private static final KeyPair RSA = TestJws.rsaKeyPair();
    private static final KeyPair EC = TestJws.ecKeyPair();

    private final MobileOfficeTokenVerifier rsaVerifier = verifier(RSA.getPublic());
    private final MobileOfficeTokenVerifier ecVerifier = verifier(EC.getPublic());

    private static MobileOfficeTokenVerifier verifier(PublicKey key) {
        return new MobileOfficeTokenVerifier(key, ISSUER, AUDIENCE, SKEW, CLOCK);
    }

    /** Claims of a good token: issued a minute ago, valid for ten more minutes. */
    private static Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("aud", AUDIENCE);
        claims.put("sub", STAFF);
        claims.put("iat", NOW.minusSeconds(60).getEpochSecond());
        claims.put("exp", NOW.plusSeconds(600).getEpochSecond());
        return claims;
    }

    private static Map<String, Object> claimsWith(String name, Object value) {
        Map<String, Object> claims = claims();
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return claims;
    }

    private static String rs256(Map<String, Object> claims) {
        return TestJws.rs256(RSA.getPrivate(), claims);
    }

    /** Asserts the refusal and its reason, and that the exception does not carry the token or any part of it. */
    private static void refused(Reason reason, MobileOfficeTokenVerifier verifier, String token) {
        InvalidTokenException e = assertThrows(InvalidTokenException.class, () -> verifier.verify(token));
        assertEquals(reason, e.reason());
        assertEquals(ErrorKind.UNAUTHENTICATED, e.kind());
        assertEquals("token-" + reason.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'), e.code());
        assertEquals(e.code(), e.getMessage());
        if (token != null) {
            for (String part : token.split("\\.")) {
                assertFalse(part.length() > 3 && String.valueOf(e.getMessage()).contains(part), "token leaked into the message");
            }
        }
    }

    private void refused(Reason reason, String token) {
        refused(reason, rsaVerifier, token);
    }

    private static String part(String token, int index) {
        return token.split("\\.", -1)[index];
    }

    private static String replacePart(String token, int index, String part) {
        String[] parts = token.split("\\.", -1);
        parts[index] = part;
        return String.join(".", parts);
    }

    // --- accepted -----------------------------------------------------------------------------------

    @Test
    void validRs256TokenIsAcceptedAndNamesTheStaffMember() {
        MobileOfficeIdentity identity = rsaVerifier.verify(rs256(claims()));

        assertEquals(STAFF, identity.staffId());
        assertEquals(NOW.plusSeconds(600), identity.expiresAt());
        assertEquals("RS256", rsaVerifier.algorithm());
    }

    @Test
    void validEs256TokenIsAccepted() {
        MobileOfficeIdentity identity = ecVerifier.verify(TestJws.es256(EC.getPrivate(), claims()));

        assertEquals(new MobileOfficeIdentity(STAFF, NOW.plusSeconds(600)), identity);
        assertEquals("ES256", ecVerifier.algorithm());
    }

    @Test
    void verifiersMadeFromPemAcceptTokensOfTheirKey() {
        MobileOfficeTokenVerifier fromRsaPem = MobileOfficeTokenVerifier.fromPem(TestJws.pem(RSA.getPublic()), ISSUER, AUDIENCE, SKEW, CLOCK);
        String ecPemWithCrLf = TestJws.pem(EC.getPublic()).replace("\n", "\r\n");
        MobileOfficeTokenVerifier fromEcPem = MobileOfficeTokenVerifier.fromPem(ecPemWithCrLf, ISSUER, AUDIENCE, SKEW, CLOCK);

        assertEquals(STAFF, fromRsaPem.verify(rs256(claims())).staffId());
        assertEquals(STAFF, fromEcPem.verify(TestJws.es256(EC.getPrivate(), claims())).staffId());
        assertEquals("RS256", fromRsaPem.algorithm());
        assertEquals("ES256", fromEcPem.algorithm());
    }

    @Test
    void audienceArrayContainingOursIsAccepted() {
        String token = rs256(claimsWith("aud", List.of("city-portal", AUDIENCE)));

        assertEquals(STAFF, rsaVerifier.verify(token).staffId());
    }

    @Test
    void withoutNbfAndIatTheTokenIsStillAccepted() {
        Map<String, Object> claims = claimsWith("iat", null);

        assertEquals(STAFF, rsaVerifier.verify(rs256(claims)).staffId());
    }

    @Test
    void fractionalNumericDatesAreAccepted() {
        String token = rs256(claimsWith("exp", new java.math.BigDecimal(NOW.plusSeconds(600).getEpochSecond() + ".5")));

        assertEquals(NOW.plusSeconds(600).plusMillis(500), rsaVerifier.verify(token).expiresAt());
    }

    @Test
    void staffIdOfSixtyFourAllowedCharactersIsAccepted() {
        String longest = "A".repeat(30) + "z9._-" + "0".repeat(29);

        assertEquals(longest, rsaVerifier.verify(rs256(claimsWith("sub", longest))).staffId());
    }

    // --- signature and algorithm ------------------------------------------------------------------

    @Test
    void rs256TokenSignedWithAnotherKeyIsRefused() {
        String token = TestJws.rs256(TestJws.rsaKeyPair().getPrivate(), claims());

        refused(Reason.BAD_SIGNATURE, token);
    }

    @Test
    void es256TokenSignedWithAnotherKeyIsRefused() {
        String token = TestJws.es256(TestJws.ecKeyPair().getPrivate(), claims());

        refused(Reason.BAD_SIGNATURE, ecVerifier, token);
    }

    @Test
    void tamperedPayloadIsRefused() {
        String genuine = rs256(claims());
        String otherPayload = TestJws.b64url(TestJws.json(claimsWith("sub", "staff.admin")));

        refused(Reason.BAD_SIGNATURE, replacePart(genuine, 1, otherPayload));
    }

    @Test
    void tamperedEs256PayloadIsRefused() {
        String genuine = TestJws.es256(EC.getPrivate(), claims());
        String otherPayload = TestJws.b64url(TestJws.json(claimsWith("exp", NOW.plus(Duration.ofDays(365)).getEpochSecond())));

        refused(Reason.BAD_SIGNATURE, ecVerifier, replacePart(genuine, 1, otherPayload));
    }

    @Test
    void tamperedHeaderIsRefused() {
        String genuine = rs256(claims());
        Map<String, Object> header = TestJws.header("RS256");
        header.put("kid", "other");

        refused(Reason.BAD_SIGNATURE, replacePart(genuine, 0, TestJws.b64url(TestJws.json(header))));
    }

    @Test
    void tamperedSignatureIsRefused() {
        String genuine = rs256(claims());
        String signature = part(genuine, 2);
        String other = (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);

        refused(Reason.BAD_SIGNATURE, replacePart(genuine, 2, other));
    }

    @Test
    void emptyOrTruncatedSignatureIsRefused() {
        String genuine = rs256(claims());
        byte[] signature = Base64.getUrlDecoder().decode(part(genuine, 2));

        refused(Reason.BAD_SIGNATURE, replacePart(genuine, 2, ""));
        refused(Reason.BAD_SIGNATURE, replacePart(genuine, 2, TestJws.b64url(java.util.Arrays.copyOf(signature, 255))));
    }

    @Test
    void es256SignatureInDerInsteadOfJoseFormIsRefused() throws Exception {
        String genuine = TestJws.es256(EC.getPrivate(), claims());
        java.security.Signature der = java.security.Signature.getInstance("SHA256withECDSA");
        der.initSign(EC.getPrivate());
        der.update((part(genuine, 0) + "." + part(genuine, 1)).getBytes(StandardCharsets.US_ASCII));

        refused(Reason.BAD_SIGNATURE, ecVerifier, replacePart(genuine, 2, TestJws.b64url(der.sign())));
    }

    @Test
    void allZeroEs256SignatureIsRefused() {
        // CVE-2022-21449 ("psychic signatures"): r = s = 0 verified anything on some JDKs.
        String genuine = TestJws.es256(EC.getPrivate(), claims());

        refused(Reason.BAD_SIGNATURE, ecVerifier, replacePart(genuine, 2, TestJws.b64url(new byte[64])));
    }

    @Test
    void algNoneIsRefused() {
        refused(Reason.UNSUPPORTED_ALGORITHM, TestJws.unsecured(claims()));
        refused(Reason.UNSUPPORTED_ALGORITHM, ecVerifier, TestJws.unsecured(claims()));
    }

    @Test
    void algNoneHeaderOverAGenuineSignatureIsRefused() {
        String genuine = rs256(claims());

        refused(Reason.UNSUPPORTED_ALGORITHM, replacePart(genuine, 0, TestJws.b64url("{\"alg\":\"none\"}")));
    }

    @Test
    void hs256WithThePublicKeyAsSecretIsRefused() {
        // The classic key-confusion attack: a verifier that lets the token pick HMAC would take the
        // (public) RSA or EC key, in DER or PEM, as the HMAC secret.
        for (KeyPair pair : List.of(RSA, EC)) {
            MobileOfficeTokenVerifier verifier = verifier(pair.getPublic());
            byte[] der = pair.getPublic().getEncoded();
            byte[] pem = TestJws.pem(pair.getPublic()).getBytes(StandardCharsets.US_ASCII);

            refused(Reason.UNSUPPORTED_ALGORITHM, verifier, TestJws.hs256(der, claims()));
            refused(Reason.UNSUPPORTED_ALGORITHM, verifier, TestJws.hs256(pem, claims()));
        }
    }

    @Test
    void algorithmThatDoesNotFitTheKeyIsRefused() {
        refused(Reason.UNSUPPORTED_ALGORITHM, ecVerifier, rs256(claims()));
        refused(Reason.UNSUPPORTED_ALGORITHM, rsaVerifier, TestJws.es256(EC.getPrivate(), claims()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"RS384", "RS512", "PS256", "ES384", "HS512", "rs256", "RS256 ", "EdDSA"})
    void otherAlgorithmsAreRefusedEvenOverAGenuineSignature(String alg) {
        String genuine = rs256(claims());
        Map<String, Object> header = TestJws.header(alg);

        refused(Reason.UNSUPPORTED_ALGORITHM, replacePart(genuine, 0, TestJws.b64url(TestJws.json(header))));
    }

    @Test
    void headerWithoutAStringAlgIsMalformed() {
        String genuine = rs256(claims());

        refused(Reason.MALFORMED, replacePart(genuine, 0, TestJws.b64url("{\"typ\":\"JWT\"}")));
        refused(Reason.MALFORMED, replacePart(genuine, 0, TestJws.b64url("{\"alg\":null}")));
        refused(Reason.MALFORMED, replacePart(genuine, 0, TestJws.b64url("{\"alg\":[\"RS256\"]}")));
    }

    @Test
    void criticalHeaderIsRefusedEvenWhenProperlySigned() {
        Map<String, Object> header = TestJws.header("RS256");
        header.put("crit", List.of("exp"));
        header.put("exp", NOW.plusSeconds(600).getEpochSecond());

        refused(Reason.MALFORMED, TestJws.sign(RSA.getPrivate(), header, claims()));
    }

    @Test
    void duplicateHeaderMembersAreMalformed() {
        String token = TestJws.signRaw(RSA.getPrivate(), "RS256", "{\"alg\":\"none\",\"alg\":\"RS256\"}", TestJws.json(claims()));

        refused(Reason.MALFORMED, token);
    }

    // --- shape ----------------------------------------------------------------------------------

    @Test
    void missingTokenIsMissing() {
        refused(Reason.MISSING, null);
        refused(Reason.MISSING, "");
        refused(Reason.MISSING, "  ");
    }

    @Test
    void twoPartsAreMalformed() {
        String genuine = rs256(claims());

        refused(Reason.MALFORMED, part(genuine, 0) + "." + part(genuine, 1));
        refused(Reason.MALFORMED, part(genuine, 0) + "." + part(genuine, 1) + "." + part(genuine, 2) + ".");
    }

    @Test
    void jweWithFivePartsIsMalformed() {
        String jwe = TestJws.b64url("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a2V5.aXY.Y2lwaGVy.dGFn";

        refused(Reason.MALFORMED, jwe);
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "a.b", "..", "!!!.???.***", "e30.e30.e30=", "e30=.e30.AAAA", "e30.e3 0.AAAA", "e+/.e30.AAAA"})
    void badBase64OrShapeIsMalformed(String token) {
        refused(Reason.MALFORMED, token);
    }

    @Test
    void nonCanonicalBase64IsMalformed() {
        // A 256-byte signature ends in a character carrying 2 bits of data and 4 unused (zero) bits; setting
        // an unused bit gives another spelling of the same bytes, which must not pass for the same token.
        String genuine = rs256(claims());
        String signature = part(genuine, 2);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        char stray = alphabet.charAt(alphabet.indexOf(signature.charAt(signature.length() - 1)) | 1);
        String other = signature.substring(0, signature.length() - 1) + stray;
        assertArrayEquals(Base64.getUrlDecoder().decode(signature), Base64.getUrlDecoder().decode(other));

        refused(Reason.MALFORMED, replacePart(genuine, 2, other));
    }

    @Test
    void headerThatIsNotJsonIsMalformed() {
        String genuine = rs256(claims());

        refused(Reason.MALFORMED, replacePart(genuine, 0, TestJws.b64url("not json")));
        refused(Reason.MALFORMED, replacePart(genuine, 0, TestJws.b64url("[\"RS256\"]")));
        refused(Reason.MALFORMED, replacePart(genuine, 0, ""));
        refused(Reason.MALFORMED, replacePart(genuine, 0, TestJws.b64url(new byte[] {'{', '"', (byte) 0xC3, '"', ':', '1', '}'})));
    }

    @Test
    void signedPayloadThatIsNotAJsonObjectIsMalformed() {
        String header = TestJws.json(TestJws.header("RS256"));

        refused(Reason.MALFORMED, TestJws.signRaw(RSA.getPrivate(), "RS256", header, "not json"));
        refused(Reason.MALFORMED, TestJws.signRaw(RSA.getPrivate(), "RS256", header, "[1,2]"));
        refused(Reason.MALFORMED, TestJws.signRaw(RSA.getPrivate(), "RS256", header, ""));
    }

    @Test
    void overlongTokenIsMalformedBeforeAnyDecoding() {
        Map<String, Object> claims = claimsWith("padding", "x".repeat(MobileOfficeTokenVerifier.MAX_TOKEN_LENGTH));

        refused(Reason.MALFORMED, rs256(claims));
    }

    // --- claims ---------------------------------------------------------------------------------

    @Test
    void wrongIssuerIsRefused() {
        refused(Reason.WRONG_ISSUER, rs256(claimsWith("iss", "https://evil.example/idp")));
        refused(Reason.WRONG_ISSUER, rs256(claimsWith("iss", ISSUER + "/")));
        refused(Reason.WRONG_ISSUER, rs256(claimsWith("iss", null)));
        refused(Reason.WRONG_ISSUER, rs256(claimsWith("iss", List.of(ISSUER))));
    }

    @Test
    void wrongAudienceIsRefused() {
        refused(Reason.WRONG_AUDIENCE, rs256(claimsWith("aud", "city-portal")));
        refused(Reason.WRONG_AUDIENCE, rs256(claimsWith("aud", "MVOTING")));
        refused(Reason.WRONG_AUDIENCE, rs256(claimsWith("aud", null)));
    }

    @Test
    void audienceArrayWithoutOursIsRefused() {
        refused(Reason.WRONG_AUDIENCE, rs256(claimsWith("aud", List.of("city-portal", "payroll"))));
        refused(Reason.WRONG_AUDIENCE, rs256(claimsWith("aud", List.of())));
    }

    @Test
    void audienceOfAnotherTypeIsMalformed() {
        refused(Reason.MALFORMED, rs256(claimsWith("aud", 42)));
        refused(Reason.MALFORMED, rs256(claimsWith("aud", List.of(AUDIENCE, 42))));
    }

    @Test
    void expiredTokenIsRefused() {
        refused(Reason.EXPIRED, rs256(claimsWith("exp", NOW.minusSeconds(61).getEpochSecond())));
        refused(Reason.EXPIRED, rs256(claimsWith("exp", NOW.minus(SKEW).getEpochSecond())));
        refused(Reason.EXPIRED, rs256(claimsWith("exp", NOW.minus(Duration.ofDays(30)).getEpochSecond())));
    }

    @Test
    void recentlyExpiredTokenIsAcceptedWithinTheClockSkew() {
        String token = rs256(claimsWith("exp", NOW.minusSeconds(30).getEpochSecond()));

        assertEquals(NOW.minusSeconds(30), rsaVerifier.verify(token).expiresAt());
    }

    @Test
    void withoutSkewATokenIsExpiredAtItsExp() {
        MobileOfficeTokenVerifier strict = new MobileOfficeTokenVerifier(RSA.getPublic(), ISSUER, AUDIENCE, Duration.ZERO, CLOCK);

        refused(Reason.EXPIRED, strict, rs256(claimsWith("exp", NOW.getEpochSecond())));
        assertEquals(STAFF, strict.verify(rs256(claimsWith("exp", NOW.getEpochSecond() + 1))).staffId());
    }

    @Test
    void expiryIsReadFromTheClockOnEveryCall() {
        Instant[] now = {NOW};
        Clock moving = new Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        MobileOfficeTokenVerifier verifier = new MobileOfficeTokenVerifier(RSA.getPublic(), ISSUER, AUDIENCE, SKEW, moving);
        String token = rs256(claims());

        assertEquals(STAFF, verifier.verify(token).staffId());
        now[0] = NOW.plusSeconds(600).plus(SKEW);
        refused(Reason.EXPIRED, verifier, token);
    }

    @Test
    void tokenWithoutAUsableExpiryIsMalformed() {
        refused(Reason.MALFORMED, rs256(claimsWith("exp", null)));
        refused(Reason.MALFORMED, rs256(claimsWith("exp", String.valueOf(NOW.plusSeconds(600).getEpochSecond()))));
        refused(Reason.MALFORMED, rs256(claimsWith("exp", new java.math.BigDecimal("1e20"))));
        refused(Reason.MALFORMED, rs256(claimsWith("exp", -1)));
        refused(Reason.MALFORMED, rs256(claimsWith("exp", true)));
    }

    @Test
    void notBeforeInTheFutureIsRefused() {
        refused(Reason.NOT_YET_VALID, rs256(claimsWith("nbf", NOW.plusSeconds(61).getEpochSecond())));
        refused(Reason.NOT_YET_VALID, rs256(claimsWith("nbf", NOW.plusSeconds(300).getEpochSecond())));
    }

    @Test
    void notBeforeWithinTheClockSkewIsAccepted() {
        assertEquals(STAFF, rsaVerifier.verify(rs256(claimsWith("nbf", NOW.plusSeconds(60).getEpochSecond()))).staffId());
        assertEquals(STAFF, rsaVerifier.verify(rs256(claimsWith("nbf", NOW.minusSeconds(60).getEpochSecond()))).staffId());
    }

    @Test
    void issuedInTheFutureIsRefused() {
        refused(Reason.NOT_YET_VALID, rs256(claimsWith("iat", NOW.plusSeconds(61).getEpochSecond())));
        assertEquals(STAFF, rsaVerifier.verify(rs256(claimsWith("iat", NOW.plusSeconds(59).getEpochSecond()))).staffId());
    }

    @Test
    void nonNumericNbfOrIatIsMalformed() {
        refused(Reason.MALFORMED, rs256(claimsWith("nbf", "yesterday")));
        refused(Reason.MALFORMED, rs256(claimsWith("iat", jakarta.json.JsonValue.NULL)));
    }

    @Test
    void missingSubjectIsRefused() {
        refused(Reason.MALFORMED, rs256(claimsWith("sub", null)));
        refused(Reason.MALFORMED, rs256(claimsWith("sub", jakarta.json.JsonValue.NULL)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "  staff  ", "kim@city.example", "../admin", "staff/1", "김철수", "staff\n1", "a b"})
    void illegalSubjectIsRefused(String sub) {
        refused(Reason.MALFORMED, rs256(claimsWith("sub", sub)));
    }

    @Test
    void overlongOrNonStringSubjectIsRefused() {
        refused(Reason.MALFORMED, rs256(claimsWith("sub", "a".repeat(65))));
        refused(Reason.MALFORMED, rs256(claimsWith("sub", 12345)));
        refused(Reason.MALFORMED, rs256(claimsWith("sub", List.of(STAFF))));
    }

    @Test
    void claimsAreNotReadBeforeTheSignatureVerifies() {
        // Expired, wrong issuer and audience, bad subject: the forged signature is still what is reported.
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("iss", "evil");
        bad.put("aud", "other");
        bad.put("sub", "../admin");
        bad.put("exp", 1);
        String forged = TestJws.rs256(TestJws.rsaKeyPair().getPrivate(), bad);

        refused(Reason.BAD_SIGNATURE, forged);
        refused(Reason.BAD_SIGNATURE, TestJws.signRaw(TestJws.rsaKeyPair().getPrivate(), "RS256",
                TestJws.json(TestJws.header("RS256")), "not json"));
    }

    // --- interoperability: RFC 7515 appendix A examples, signed by someone else's code -----------------

    private static final String RFC_PAYLOAD = "eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFt"
            + "cGxlLmNvbS9pc19yb290Ijp0cnVlfQ"; // {"iss":"joe","exp":1300819380,"http://example.com/is_root":true}
    private static final Clock RFC_TIME = Clock.fixed(Instant.ofEpochSecond(1_300_819_000L), ZoneOffset.UTC);

    private static void acceptsTheSignatureButNotTheAudience(PublicKey key, String token) {
        MobileOfficeTokenVerifier verifier = new MobileOfficeTokenVerifier(key, "joe", AUDIENCE, SKEW, RFC_TIME);
        // The example has no "aud": getting as far as the audience check proves the signature verified.
        refused(Reason.WRONG_AUDIENCE, verifier, token);
        String signature = part(token, 2);
        String flipped = (signature.charAt(0) == 'A' ? 'B' : 'A') + signature.substring(1);
        refused(Reason.BAD_SIGNATURE, verifier, replacePart(token, 2, flipped));
    }

    @Test
    void rfc7515AppendixA2Rs256ExampleVerifies() throws Exception {
        BigInteger n = new BigInteger(1, Base64.getUrlDecoder().decode(
                "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddx"
                + "HmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMs"
                + "D1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSH"
                + "SXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdV"
                + "MTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8"
                + "NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ"));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, BigInteger.valueOf(65537)));
        String token = "eyJhbGciOiJSUzI1NiJ9." + RFC_PAYLOAD + "."
                + "cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7"
                + "AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4"
                + "BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K"
                + "0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqv"
                + "hJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrB"
                + "p0igcN_IoypGlUPQGe77Rw";

        acceptsTheSignatureButNotTheAudience(key, token);
    }

    @Test
    void rfc7515AppendixA3Es256ExampleVerifies() throws Exception {
        AlgorithmParameters p256 = AlgorithmParameters.getInstance("EC");
        p256.init(new ECGenParameterSpec("secp256r1"));
        ECPoint w = new ECPoint(
                new BigInteger(1, Base64.getUrlDecoder().decode("f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU")),
                new BigInteger(1, Base64.getUrlDecoder().decode("x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0")));
        PublicKey key = KeyFactory.getInstance("EC").generatePublic(
                new ECPublicKeySpec(w, p256.getParameterSpec(ECParameterSpec.class)));
        String token = "eyJhbGciOiJFUzI1NiJ9." + RFC_PAYLOAD + "."
                + "DtEhU3ljbEg8L38VWAfUAqOyKAM6-Xx-F4GawxaepmXFCgfTjDxw5djxLa8ISlSA"
                + "pmWQxfKTUJqPP3-Kg6NU1Q";

        acceptsTheSignatureButNotTheAudience(key, token);
    }

    // --- configuration --------------------------------------------------------------------------

    private static void badSetting(Executable construction) {
        assertThrows(IllegalArgumentException.class, construction);
    }

    @Test
    void weakOrUnsupportedKeysAreRefusedAtConstruction() throws Exception {
        KeyPairGenerator rsa1024 = KeyPairGenerator.getInstance("RSA");
        rsa1024.initialize(1024);
        PublicKey shortRsa = rsa1024.generateKeyPair().getPublic();
        PublicKey p384 = TestJws.ecKeyPair("secp384r1").getPublic();
        KeyPairGenerator ed = KeyPairGenerator.getInstance("Ed25519");
        PublicKey ed25519 = ed.generateKeyPair().getPublic();

        badSetting(() -> verifier(shortRsa));
        badSetting(() -> verifier(p384));
        badSetting(() -> verifier(ed25519));
        badSetting(() -> MobileOfficeTokenVerifier.fromPem(TestJws.pem(p384), ISSUER, AUDIENCE, SKEW, CLOCK));
    }

    @Test
    void unusableSettingsAreRefusedAtConstruction() {
        PublicKey key = RSA.getPublic();

        badSetting(() -> new MobileOfficeTokenVerifier(key, " ", AUDIENCE, SKEW, CLOCK));
        badSetting(() -> new MobileOfficeTokenVerifier(key, ISSUER, "", SKEW, CLOCK));
        badSetting(() -> new MobileOfficeTokenVerifier(key, ISSUER, AUDIENCE, Duration.ofSeconds(-1), CLOCK));
        badSetting(() -> new MobileOfficeTokenVerifier(key, ISSUER, AUDIENCE, Duration.ofHours(1), CLOCK));
        assertThrows(NullPointerException.class, () -> new MobileOfficeTokenVerifier(null, ISSUER, AUDIENCE, SKEW, CLOCK));
        assertThrows(NullPointerException.class, () -> new MobileOfficeTokenVerifier(key, ISSUER, AUDIENCE, SKEW, null));
    }

    @Test
    void pemThatIsNotASubjectPublicKeyInfoIsRefused() {
        String rsaPem = TestJws.pem(RSA.getPublic());
        String body = rsaPem.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "");

        badSetting(() -> MobileOfficeTokenVerifier.fromPem("not a key", ISSUER, AUDIENCE, SKEW, CLOCK));
        badSetting(() -> MobileOfficeTokenVerifier.fromPem(body, ISSUER, AUDIENCE, SKEW, CLOCK));
        badSetting(() -> MobileOfficeTokenVerifier.fromPem(
                "-----BEGIN RSA PUBLIC KEY-----" + body + "-----END RSA PUBLIC KEY-----", ISSUER, AUDIENCE, SKEW, CLOCK));
        badSetting(() -> MobileOfficeTokenVerifier.fromPem(
                "-----BEGIN PUBLIC KEY-----\n!!!!\n-----END PUBLIC KEY-----", ISSUER, AUDIENCE, SKEW, CLOCK));
        badSetting(() -> MobileOfficeTokenVerifier.fromPem(
                "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----", ISSUER, AUDIENCE, SKEW, CLOCK));
        badSetting(() -> MobileOfficeTokenVerifier.fromPem(rsaPem + TestJws.pem(EC.getPublic()), ISSUER, AUDIENCE, SKEW, CLOCK));
        badSetting(() -> MobileOfficeTokenVerifier.fromPem(
                "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(RSA.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----", ISSUER, AUDIENCE, SKEW, CLOCK));
    }
}
