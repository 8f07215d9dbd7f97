package org.mvoting.infrastructure.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.mvoting.api.errors.CertificateRejectedException;
import org.mvoting.api.errors.ErrorKind;

class CertificateCheckerTest {

    private static final TestCa CITY_CA = TestCa.create("City CA");
    private static final TestCa FOREIGN_CA = TestCa.create("Foreign CA");
    private static final Instant NOW = Instant.now();

    private static CertificateChecker checker(X509CRL... crls) {
        return new CertificateChecker(List.of(CITY_CA.certificate()), List.of(crls), "SERIALNUMBER");
    }

    private static String refusal(Executable check) {
        return assertThrows(CertificateRejectedException.class, check).code();
    }

    @Test
    void aValidCertificateNamesItsHolderByTheConfiguredAttribute() {
        TestCa.Issued hong = CITY_CA.issue("CN=홍길동,SERIALNUMBER=KR-0001");
        assertEquals("KR-0001", checker(CITY_CA.crl()).check(List.of(hong.certificate()), NOW));
        CertificateChecker byName = new CertificateChecker(List.of(CITY_CA.certificate()), List.of(CITY_CA.crl()), "CN");
        assertEquals("홍길동", byName.check(List.of(hong.certificate()), NOW));
        CertificateChecker byOid = new CertificateChecker(List.of(CITY_CA.certificate()), List.of(CITY_CA.crl()), "2.5.4.5");
        assertEquals("KR-0001", byOid.check(List.of(hong.certificate()), NOW));
    }

    @Test
    void theIdentifierMayBeAStringOtherNameOfTheSubjectAltName() {
        String upn = "1.3.6.1.4.1.311.20.2.3";
        TestCa.Issued person = CITY_CA.issueWithOtherName("CN=Jung", upn, "jung@seoul.go.kr");
        CertificateChecker checker = new CertificateChecker(List.of(CITY_CA.certificate()), List.of(CITY_CA.crl()),
                "SAN-OTHERNAME:" + upn);
        assertEquals("jung@seoul.go.kr", checker.check(List.of(person.certificate()), NOW));
        assertEquals("san-othername:" + upn, checker.identifierKind());
        assertEquals("2.5.4.5", checker(CITY_CA.crl()).identifierKind());
        CertificateChecker otherType = new CertificateChecker(List.of(CITY_CA.certificate()), List.of(CITY_CA.crl()),
                "SAN-OTHERNAME:1.2.3.4");
        assertEquals("certificate-no-subject-id", refusal(() -> otherType.check(List.of(person.certificate()), NOW)));
        TestCa.Issued none = CITY_CA.issue("CN=NoSan,SERIALNUMBER=KR-0099");
        assertEquals("certificate-no-subject-id", refusal(() -> checker.check(List.of(none.certificate()), NOW)));
    }

    @Test
    void aRenewedCertificateWithANewKeyIsTheSamePerson() {
        TestCa.Issued first = CITY_CA.issue("CN=Kim,SERIALNUMBER=KR-0002");
        TestCa.Issued renewed = CITY_CA.issue("CN=Kim,SERIALNUMBER=KR-0002");
        assertFalse(first.certificate().getPublicKey().equals(renewed.certificate().getPublicKey()));
        CertificateChecker checker = checker(CITY_CA.crl(first.certificate())); // the old one even revoked on renewal
        assertEquals("KR-0002", checker.check(List.of(renewed.certificate()), NOW));
        assertEquals("certificate-revoked", refusal(() -> checker.check(List.of(first.certificate()), NOW)));
    }

    @Test
    void anExpiredCertificateIsRefused() {
        TestCa.Issued old = CITY_CA.issue("CN=Old,SERIALNUMBER=KR-0003", NOW.minus(Duration.ofDays(400)),
                NOW.minus(Duration.ofDays(35)), false);
        assertEquals("certificate-expired", refusal(() -> checker(CITY_CA.crl()).check(List.of(old.certificate()), NOW)));
    }

    @Test
    void aCertificateNotValidYetIsRefused() {
        TestCa.Issued early = CITY_CA.issue("CN=Early,SERIALNUMBER=KR-0004", NOW.plus(Duration.ofDays(2)),
                NOW.plus(Duration.ofDays(400)), false);
        assertEquals("certificate-not-yet-valid",
                refusal(() -> checker(CITY_CA.crl()).check(List.of(early.certificate()), NOW)));
    }

    @Test
    void aRevokedCertificateIsRefused() {
        TestCa.Issued revoked = CITY_CA.issue("CN=Lost,SERIALNUMBER=KR-0005");
        TestCa.Issued other = CITY_CA.issue("CN=Other,SERIALNUMBER=KR-0006");
        CertificateChecker checker = checker(CITY_CA.crl(revoked.certificate()));
        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> checker.check(List.of(revoked.certificate()), NOW));
        assertEquals("certificate-revoked", e.code());
        assertEquals(ErrorKind.UNAUTHENTICATED, e.kind());
        assertEquals("KR-0006", checker.check(List.of(other.certificate()), NOW));
    }

    @Test
    void aCertificateOfAForeignCaIsRefused() {
        TestCa.Issued foreign = FOREIGN_CA.issue("CN=Foreign,SERIALNUMBER=KR-0007");
        assertEquals("certificate-untrusted", refusal(() -> checker(CITY_CA.crl(), FOREIGN_CA.crl())
                .check(List.of(foreign.certificate()), NOW)));
        // nor does presenting the foreign CA as an "intermediate" help
        assertEquals("certificate-untrusted", refusal(() -> checker(CITY_CA.crl(), FOREIGN_CA.crl())
                .check(List.of(foreign.certificate(), FOREIGN_CA.certificate()), NOW)));
    }

    @Test
    void withoutACurrentCrlTheStatusIsUnknownAndTheCertificateRefused() {
        TestCa.Issued person = CITY_CA.issue("CN=Park,SERIALNUMBER=KR-0008");
        assertEquals("certificate-revocation-unknown", refusal(() -> checker().check(List.of(person.certificate()), NOW)));
        X509CRL stale = CITY_CA.crl(NOW.minus(Duration.ofDays(3)), NOW.minus(Duration.ofDays(1)));
        assertEquals("certificate-revocation-unknown",
                refusal(() -> checker(stale).check(List.of(person.certificate()), NOW)));
        X509CRL foreignCrl = FOREIGN_CA.crl();
        assertEquals("certificate-revocation-unknown",
                refusal(() -> checker(foreignCrl).check(List.of(person.certificate()), NOW)));
    }

    @Test
    void aCertificateWithoutTheSubjectIdentifierIsRefused() {
        TestCa.Issued anonymous = CITY_CA.issue("CN=No Serial");
        assertEquals("certificate-no-subject-id",
                refusal(() -> checker(CITY_CA.crl()).check(List.of(anonymous.certificate()), NOW)));
        TestCa.Issued twice = CITY_CA.issue("CN=Two,SERIALNUMBER=KR-1+SERIALNUMBER=KR-2");
        assertEquals("certificate-no-subject-id",
                refusal(() -> checker(CITY_CA.crl()).check(List.of(twice.certificate()), NOW)));
    }

    @Test
    void withoutTrustAnchorsCertificateSignInIsOff() {
        CertificateChecker off = new CertificateChecker(List.of(), List.of(), "SERIALNUMBER");
        assertFalse(off.enabled());
        TestCa.Issued person = CITY_CA.issue("CN=Lee,SERIALNUMBER=KR-0009");
        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> off.check(List.of(person.certificate()), NOW));
        assertEquals("certificate-sign-in-off", e.code());
        assertEquals(ErrorKind.FORBIDDEN, e.kind());
    }

    @Test
    void possessionIsProvedOnlyByTheCertificatesOwnKey() throws GeneralSecurityException {
        TestCa.Issued ec = CITY_CA.issue("CN=Ec,SERIALNUMBER=KR-0010");
        TestCa.Issued rsa = CITY_CA.issue("CN=Rsa,SERIALNUMBER=KR-0011", NOW.minus(Duration.ofDays(1)),
                NOW.plus(Duration.ofDays(30)), true);
        CertificateChecker.verifyPossession(ec.certificate(), "challenge-1", sign("SHA256withECDSA", ec.key(), "challenge-1"));
        CertificateChecker.verifyPossession(rsa.certificate(), "challenge-1", sign("SHA256withRSA", rsa.key(), "challenge-1"));
        byte[] otherText = sign("SHA256withECDSA", ec.key(), "challenge-2");
        assertEquals("certificate-bad-signature",
                refusal(() -> CertificateChecker.verifyPossession(ec.certificate(), "challenge-1", otherText)));
        TestCa.Issued thief = CITY_CA.issue("CN=Thief,SERIALNUMBER=KR-0012");
        byte[] thiefs = sign("SHA256withECDSA", thief.key(), "challenge-1");
        assertEquals("certificate-bad-signature",
                refusal(() -> CertificateChecker.verifyPossession(ec.certificate(), "challenge-1", thiefs)));
        assertEquals("certificate-bad-signature",
                refusal(() -> CertificateChecker.verifyPossession(ec.certificate(), "challenge-1", new byte[] {1, 2, 3})));
    }

    @Test
    void certificatesAreReadAsPemOrBase64DerAndNothingElse() throws GeneralSecurityException {
        TestCa.Issued person = CITY_CA.issue("CN=Choi,SERIALNUMBER=KR-0013");
        String der = Base64.getEncoder().encodeToString(person.certificate().getEncoded());
        List<X509Certificate> chain = CertificateChecker.parseChain(List.of(TestCa.pem(person.certificate()), der));
        assertEquals(person.certificate(), chain.get(0));
        assertEquals(person.certificate(), chain.get(1));
        CertificateRejectedException e = assertThrows(CertificateRejectedException.class,
                () -> CertificateChecker.parseChain(List.of("not a certificate!")));
        assertEquals("certificate-malformed", e.code());
        assertEquals(ErrorKind.BAD_REQUEST, e.kind());
        assertEquals("certificate-malformed", refusal(() -> CertificateChecker.parseChain(List.of(""))));
        assertEquals("certificate-malformed", refusal(() -> CertificateChecker.parseChain(
                List.of(Base64.getEncoder().encodeToString("garbage".getBytes(StandardCharsets.UTF_8))))));
        assertEquals("certificate-malformed", refusal(() -> checker(CITY_CA.crl()).check(List.of(), NOW)));
    }

    @Test
    void anUnknownSubjectAttributeIsAConfigurationErrorNamingTheSetting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new CertificateChecker(List.of(CITY_CA.certificate()), List.of(), "SHOESIZE"));
        assertTrue(e.getMessage().contains("MVOTING_CERTIFICATE_SUBJECT_ID"), e.getMessage());
    }

    private static byte[] sign(String algorithm, PrivateKey key, String text) throws GeneralSecurityException {
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(key);
        signature.update(text.getBytes(StandardCharsets.UTF_8));
        return signature.sign();
    }
}
