package org.mvoting.infrastructure.crypto;

import java.io.StringWriter;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A certification authority made for a test: its certificate, the certificates it issues and its CRLs. */
final class TestCa {

    private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

    /** A certificate with its private key. */
    record Issued(X509Certificate certificate, PrivateKey key) {
    }

    private final X500Name name;
    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCa(String commonName) {
        this.name = new X500Name("CN=" + commonName + ",O=mVoting test,C=KR");
        this.keys = ec();
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, keys.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            this.certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer()));
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestCa create(String commonName) {
        return new TestCa(commonName);
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** A person's certificate, valid from {@code from} to {@code to}; subject "CN=name[,SERIALNUMBER=id]". */
    Issued issue(String subject, Instant from, Instant to, boolean rsa) {
        KeyPair person = rsa ? rsa() : ec();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(), Date.from(from),
                    Date.from(to), new X500Name(subject), person.getPublic());
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            return new Issued(new JcaX509CertificateConverter().getCertificate(builder.build(signer())), person.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person's certificate valid from yesterday for a year, with a string otherName in its subjectAltName. */
    Issued issueWithOtherName(String subject, String oid, String value) {
        KeyPair person = ec();
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))),
                    new X500Name(subject), person.getPublic());
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.rfc822Name, "someone@example.org"),
                new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[] {
                    new ASN1ObjectIdentifier(oid), new DERTaggedObject(true, 0, new DERUTF8String(value))}))}));
            return new Issued(new JcaX509CertificateConverter().getCertificate(builder.build(signer())), person.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException | java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A person's certificate valid from yesterday for a year. */
    Issued issue(String subject) {
        Instant now = Instant.now();
        return issue(subject, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(365)), false);
    }

    /** A CRL issued at {@code thisUpdate}, next due at {@code nextUpdate}, listing these certificates. */
    X509CRL crl(Instant thisUpdate, Instant nextUpdate, X509Certificate... revoked) {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(name, Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(nextUpdate));
        for (X509Certificate certificate : revoked) {
            builder.addCRLEntry(certificate.getSerialNumber(), Date.from(thisUpdate), CRLReason.keyCompromise);
        }
        try {
            return new JcaX509CRLConverter().getCRL(builder.build(signer()));
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A current CRL (issued an hour ago, due in a day). */
    X509CRL crl(X509Certificate... revoked) {
        Instant now = Instant.now();
        return crl(now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(1)), revoked);
    }

    static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    private org.bouncycastle.operator.ContentSigner signer() throws OperatorCreationException {
        return new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate());
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet());
    }

    private static KeyPair ec() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
