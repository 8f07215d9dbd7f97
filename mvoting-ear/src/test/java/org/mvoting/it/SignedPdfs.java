package org.mvoting.it;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.operator.OperatorCreationException;

/**
 * Checks a PDF's signature as a reader does (PDFBox finds it, BouncyCastle verifies the CMS over the signed byte
 * range), and knows the certificate the test server signs with (the keystore TestSigningKeystore made).
 */
final class SignedPdfs {

    /**
     * What a reader would show: whether the signature holds, who signed, and how; {@code signedBeforeSignature}:
     * how many bytes from the start are signed before the signature's own /Contents.
     */
    record Signature(boolean valid, X509Certificate signer, String subFilter, boolean coversTheWholeFile,
                     int signedBeforeSignature) {
    }

    private SignedPdfs() {
    }

    /** The PDF's only signature, checked. */
    static Signature check(byte[] pdf) throws IOException, GeneralSecurityException {
        PDSignature signature;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            if (signatures.size() != 1) {
                throw new AssertionError("one signature expected, found " + signatures.size());
            }
            signature = signatures.get(0);
        }
        try {
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(signature.getSignedContent(pdf)),
                    signature.getContents(pdf));
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            @SuppressWarnings("unchecked")
            Collection<X509CertificateHolder> matches = cms.getCertificates().getMatches(signer.getSID());
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            boolean valid;
            try {
                valid = signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (CMSException digestMismatch) {
                valid = false;
            }
            int[] range = signature.getByteRange();
            return new Signature(valid, certificate, signature.getSubFilter(),
                    range[0] == 0 && range[2] + range[3] == pdf.length, range[1]);
        } catch (CMSException | OperatorCreationException e) {
            throw new GeneralSecurityException("Cannot read the signature", e);
        }
    }

    /** The certificate the test server signs summaries with. */
    static X509Certificate serverCertificate() throws IOException, GeneralSecurityException {
        char[] password = System.getProperty("mvoting.test.signing.password").toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("mvoting.test.signing.keystore")))) {
            store.load(in, password);
        }
        return (X509Certificate) store.getCertificate(store.aliases().nextElement());
    }
}
