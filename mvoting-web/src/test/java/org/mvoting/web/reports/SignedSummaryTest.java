package org.mvoting.web.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mvoting.api.citizenpolls.ResultsSummary;

/**
 * A results summary signed with PAdES, checked the way a PDF reader does: the CMS over the signed byte range
 * verifies with the signer's certificate, which is the city's; one changed byte and it does not.
 */
class SignedSummaryTest {

    private static SigningKey city;
    private static byte[] signed;

    @BeforeAll
    static void signASummary() throws Exception {
        city = SummarySigner.selfSigned("CN=Test City signing, O=Test City", new SecureRandom());
        signed = PadesSigner.sign(summaryPdf(), city, Instant.parse("2026-03-10T01:30:00Z"), SummarySigner.REASON);
    }

    static byte[] summaryPdf() throws IOException {
        ResultsSummary summary = new ResultsSummary(UUID.fromString("0f6f8a52-4c1e-4d7a-9a59-3b2f1c0d9e01"),
                Fixtures.TITLE, "설명", "CITIZEN", "OPEN", Fixtures.OPENS, Fixtures.CLOSES, 240,
                Fixtures.results().questions(), "ABCD-EFGH-JKLM-NPQR", Fixtures.GENERATED);
        return SummaryPdf.render(summary, "https://vote.city.go.kr/m/check.html");
    }

    @Test
    void theSummaryCarriesOnePadesSignatureThatVerifiesWithTheCitysCertificate() throws Exception {
        Verified verified = verify(signed);
        assertTrue(verified.valid(), "the CMS signature over the byte range verifies");
        assertEquals(city.certificate(), verified.signer());
        assertEquals("Test City signing", verified.name());
        assertEquals("ETSI.CAdES.detached", verified.subFilter());
        assertTrue(verified.coversWholeFileButTheSignature(), "the byte range is the whole file but /Contents");
    }

    @Test
    void theSignedAttributesBindTheCertificateAndLeaveTheTimeToThePdf() throws Exception {
        SignerInformation signer = cms(signed).getSignerInfos().getSigners().iterator().next();
        AttributeTable attributes = signer.getSignedAttributes();
        ASN1Encodable value = attributes.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0);
        byte[] hash = SigningCertificateV2.getInstance(value).getCerts()[0].getCertHash();
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(city.certificate().getEncoded()), hash);
        assertEquals(null, attributes.get(CMSAttributes.signingTime), "PAdES: no CMS signing-time");
    }

    @Test
    void oneChangedByteInsideTheSignedRangeBreaksTheSignature() throws Exception {
        int[] range = signature(signed).getByteRange();
        byte[] altered = signed.clone();
        int at = indexOf(altered, "ABCD-EFGH".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (at < 0 || at >= range[1]) {
            at = range[1] / 2; // the code sits in a compressed stream: change any byte before the signature
        }
        altered[at] ^= 0x01;
        assertFalse(verify(altered).valid());
        assertTrue(verify(signed).valid(), "the original still verifies");
    }

    @Test
    void theOriginalBytesStayAsTheyWereAndTheSignatureFollowsThem() throws Exception {
        byte[] unsigned = summaryPdf();
        byte[] signedCopy = PadesSigner.sign(unsigned, city, Instant.now(), SummarySigner.REASON);
        assertTrue(signedCopy.length > unsigned.length);
        assertArrayEquals(unsigned, Arrays.copyOf(signedCopy, unsigned.length), "an incremental update: the summary as rendered, then the signature");
        assertTrue(verify(signedCopy).valid());
    }

    @Test
    void aConfiguredKeystoreIsReadAndAWrongPasswordOrAliasIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("city.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("city", city.privateKey(), "s3cret".toCharArray(), city.chain().toArray(new Certificate[0]));
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, "s3cret".toCharArray());
        }
        assertEquals(city.certificate(), SummarySigner.load(file, "s3cret".toCharArray(), null).certificate());
        assertEquals(city.certificate(), SummarySigner.load(file, "s3cret".toCharArray(), "city").certificate());
        IllegalStateException wrongPassword = assertThrows(IllegalStateException.class,
                () -> SummarySigner.load(file, "wrong".toCharArray(), null));
        assertTrue(wrongPassword.getMessage().contains("MVOTING_SIGNING_KEYSTORE_PASSWORD"), wrongPassword.getMessage());
        IllegalStateException wrongAlias = assertThrows(IllegalStateException.class,
                () -> SummarySigner.load(file, "s3cret".toCharArray(), "town"));
        assertTrue(wrongAlias.getMessage().contains("MVOTING_SIGNING_KEYSTORE_ALIAS"), wrongAlias.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> SummarySigner.load(dir.resolve("none.p12"), "s3cret".toCharArray(), null));
        assertTrue(missing.getMessage().contains("none.p12"), missing.getMessage());
    }

    @Test
    void theDemoMakesItsCertificateOnceAndKeepsIt(@TempDir Path dir) {
        Path file = dir.resolve("mvoting").resolve("demo-signing.p12");
        SigningKey first = SummarySigner.readOrCreateDemo(file);
        SigningKey again = SummarySigner.readOrCreateDemo(file);
        assertEquals("mVoting demo signing", first.signerName());
        assertEquals(first.certificate(), again.certificate());
    }

    @Test
    void withoutAKeystoreOnlyTheDemoStarts() {
        String demo = System.getProperty("mvoting.demo");
        String keystore = System.getProperty("mvoting.signing.keystore");
        try {
            System.clearProperty("mvoting.signing.keystore");
            System.setProperty("mvoting.demo", "false");
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new SummarySigner().key());
            assertEquals(SummarySigner.MISSING_KEYSTORE, refused.getMessage());
        } finally {
            restore("mvoting.demo", demo);
            restore("mvoting.signing.keystore", keystore);
        }
    }

    private static void restore(String property, String value) {
        if (value == null) {
            System.clearProperty(property);
        } else {
            System.setProperty(property, value);
        }
    }

    // --- a reader's check

    record Verified(boolean valid, X509Certificate signer, String name, String subFilter,
                    boolean coversWholeFileButTheSignature) {
    }

    static Verified verify(byte[] pdf) throws Exception {
        PDSignature signature = signature(pdf);
        byte[] signedContent = signature.getSignedContent(pdf);
        CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signedContent), signature.getContents(pdf));
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
        X509CertificateHolder holder = matches.iterator().next();
        X509Certificate certificate = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().getCertificate(holder);
        boolean valid;
        try {
            valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
        } catch (org.bouncycastle.cms.CMSException broken) {
            valid = false; // the content's digest no longer matches
        }
        int[] range = signature.getByteRange();
        boolean whole = range[0] == 0 && range[2] + range[3] == pdf.length;
        return new Verified(valid, certificate, signature.getName(), signature.getSubFilter(), whole);
    }

    static PDSignature signature(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertEquals(1, signatures.size());
            PDSignature signature = signatures.get(0);
            assertNotNull(signature.getByteRange());
            return signature;
        }
    }

    private static CMSSignedData cms(byte[] pdf) throws Exception {
        PDSignature signature = signature(pdf);
        return new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)), signature.getContents(pdf));
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
