package org.mvoting.web.reports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.mvoting.api.settings.CitySettings;

/**
 * Signs results summary PDFs with the city's signing key (PAdES, {@link PadesSigner}). The key comes from the
 * PKCS#12 keystore MVOTING_SIGNING_KEYSTORE; it is read at deployment (a keystore that cannot be read stops the
 * deployment, naming the problem) and read again when the settings or the file change, so a renewed certificate
 * is used from the next summary on without a restart. If a changed keystore cannot be read, the key already
 * loaded keeps signing and a warning says why.
 *
 * <p>Without MVOTING_SIGNING_KEYSTORE only a demo system (MVOTING_DEMO=true) starts: it creates a self-signed
 * "mVoting demo signing" certificate once in the server's data directory. Anywhere else the deployment stops, as
 * for a missing MVOTING_SECRET: a summary a citizen attaches to a petition must prove who issued it.
 */
@ApplicationScoped
public class SummarySigner {

    private static final Logger LOG = Logger.getLogger(SummarySigner.class.getName());
    /** The demo certificate's subject. */
    static final String DEMO_SUBJECT = "CN=mVoting demo signing, O=mVoting demo";
    /** The demo keystore's password: the file is owner-only; the demo key proves nothing outside the demo anyway. */
    static final String DEMO_PASSWORD = "mvoting-demo";
    static final String REASON = "mVoting results summary";
    private static final Duration EXPIRY_WARNING = Duration.ofDays(30);

    /** Why a node without MVOTING_SIGNING_KEYSTORE does not start (outside the demo). */
    static final String MISSING_KEYSTORE = "mVoting cannot start: MVOTING_SIGNING_KEYSTORE is not set. Results"
            + " summaries are signed (PAdES) with the city's signing certificate: set MVOTING_SIGNING_KEYSTORE to a"
            + " PKCS#12 file holding its key and certificate, with MVOTING_SIGNING_KEYSTORE_PASSWORD and, if the file"
            + " holds several keys, MVOTING_SIGNING_KEYSTORE_ALIAS (or the system properties mvoting.signing.keystore,"
            + " ...); only a demo system (MVOTING_DEMO=true) may run without it, on a self-signed certificate of its own.";

    private final Object lock = new Object();
    private volatile Loaded loaded;

    /** At deployment: a keystore that cannot be used stops the deployment here, not at the first summary. */
    void atDeployment(@Observes @Initialized(ApplicationScoped.class) Object context) {
        SigningKey key = key();
        LOG.info("Results summaries are signed as " + key.certificate().getSubjectX500Principal().getName()
                + " (certificate valid until " + key.certificate().getNotAfter().toInstant() + ")");
    }

    /** {@code pdf} signed now with the city's key. */
    public byte[] sign(byte[] pdf) throws IOException {
        return PadesSigner.sign(pdf, key(), Instant.now(), REASON);
    }

    /** The key in force: loaded again if the settings or the keystore file changed since. */
    public SigningKey key() {
        Source source = Source.now();
        Loaded current = loaded;
        if (current != null && current.source().equals(source)) {
            return current.key();
        }
        synchronized (lock) {
            current = loaded;
            if (current != null && current.source().equals(source)) {
                return current.key();
            }
            try {
                SigningKey key = source.load();
                warnOfExpiry(key.certificate(), Instant.now());
                loaded = new Loaded(source, key);
                return key;
            } catch (IllegalStateException e) {
                if (current == null) {
                    throw e;
                }
                LOG.log(Level.WARNING, "The signing keystore changed but cannot be used; summaries stay signed with "
                        + current.key().certificate().getSubjectX500Principal().getName() + ": " + e.getMessage(), e);
                return current.key();
            }
        }
    }

    private record Loaded(Source source, SigningKey key) {
    }

    /** Where the key comes from now: the configured keystore as it is on disk, or the demo's. */
    private record Source(Path file, long modified, long size, String alias, String password, boolean demo) {

        static Source now() {
            String configured = CitySettings.signingKeystore().orElse(null);
            if (configured == null) {
                if (!CitySettings.demo()) {
                    throw new IllegalStateException(MISSING_KEYSTORE);
                }
                return new Source(demoFile(), 0, 0, null, DEMO_PASSWORD, true);
            }
            Path file = Paths.get(configured);
            long modified = 0;
            long size = 0;
            try {
                modified = Files.getLastModifiedTime(file).toMillis();
                size = Files.size(file);
            } catch (IOException e) {
                // load() names the problem
            }
            return new Source(file, modified, size, CitySettings.signingKeystoreAlias().orElse(null),
                    CitySettings.signingKeystorePassword(), false);
        }

        SigningKey load() {
            return demo ? readOrCreateDemo(file) : SummarySigner.load(file, password.toCharArray(), alias);
        }

        @Override
        public String toString() {
            return file.toString(); // never the password
        }
    }

    private static Path demoFile() {
        return Paths.get(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                "mvoting", "demo-signing.p12");
    }

    /**
     * The signing key in a PKCS#12 file: the entry {@code alias}, or without one the file's only key. Every way it
     * can fail is an {@link IllegalStateException} naming the setting to fix.
     */
    static SigningKey load(Path file, char[] password, String alias) {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the signing keystore MVOTING_SIGNING_KEYSTORE=" + file
                    + " (a PKCS#12 file; is MVOTING_SIGNING_KEYSTORE_PASSWORD right?): " + e.getMessage(), e);
        }
        try {
            String entry = alias != null ? alias : onlyKey(store, file);
            if (!store.isKeyEntry(entry)) {
                throw new IllegalStateException("The signing keystore " + file + " has no key under"
                        + " MVOTING_SIGNING_KEYSTORE_ALIAS=" + entry + "; its keys: " + keys(store));
            }
            PrivateKey key = (PrivateKey) store.getKey(entry, password);
            Certificate[] chain = store.getCertificateChain(entry);
            if (chain == null || chain.length == 0) {
                throw new IllegalStateException("The key " + entry + " in the signing keystore " + file
                        + " has no certificate");
            }
            List<X509Certificate> certificates = new ArrayList<>();
            for (Certificate certificate : chain) {
                certificates.add((X509Certificate) certificate);
            }
            if (!"RSA".equals(key.getAlgorithm()) && !"EC".equals(key.getAlgorithm())) {
                throw new IllegalStateException("The signing key " + entry + " in " + file + " is "
                        + key.getAlgorithm() + ": mVoting signs with RSA or EC keys");
            }
            return new SigningKey(key, certificates);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("Cannot read the signing key from " + file + ": " + e.getMessage(), e);
        }
    }

    private static String onlyKey(KeyStore store, Path file) throws GeneralSecurityException {
        List<String> keys = keys(store);
        if (keys.size() != 1) {
            throw new IllegalStateException("The signing keystore " + file + " holds " + keys.size()
                    + " keys " + keys + ": name one in MVOTING_SIGNING_KEYSTORE_ALIAS");
        }
        return keys.get(0);
    }

    private static List<String> keys(KeyStore store) throws GeneralSecurityException {
        List<String> keys = new ArrayList<>();
        for (String alias : Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                keys.add(alias);
            }
        }
        return keys;
    }

    private static void warnOfExpiry(X509Certificate certificate, Instant now) {
        try {
            certificate.checkValidity(Date.from(now.plus(EXPIRY_WARNING)));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            boolean expired = certificate.getNotAfter().toInstant().isBefore(now);
            LOG.log(expired ? Level.SEVERE : Level.WARNING, "The signing certificate "
                    + certificate.getSubjectX500Principal().getName() + (expired ? " expired on " : " expires on ")
                    + certificate.getNotAfter().toInstant() + ": PDF readers show summaries signed with an expired"
                    + " certificate as not valid. Renew it in MVOTING_SIGNING_KEYSTORE.");
        }
    }

    /**
     * The demo's keystore: read if it exists, else created with a fresh self-signed certificate. Written owner-only
     * under a temporary name and linked to its name in one step, so two starts never make two keys.
     */
    static SigningKey readOrCreateDemo(Path file) {
        try {
            if (!Files.exists(file)) {
                Path folder = file.toAbsolutePath().getParent();
                Files.createDirectories(folder);
                Path draft = ownerOnlyDraft(folder);
                try {
                    SigningKey fresh = selfSigned(DEMO_SUBJECT, new SecureRandom());
                    KeyStore store = KeyStore.getInstance("PKCS12");
                    store.load(null, null);
                    store.setKeyEntry("mvoting-demo-signing", fresh.privateKey(), DEMO_PASSWORD.toCharArray(),
                            fresh.chain().toArray(new Certificate[0]));
                    try (OutputStream out = Files.newOutputStream(draft)) {
                        store.store(out, DEMO_PASSWORD.toCharArray());
                    }
                    try {
                        Files.createLink(file, draft);
                        LOG.warning("MVOTING_SIGNING_KEYSTORE is not set: this demo system signs results summaries"
                                + " with a self-signed certificate it created in " + file + ". Outside the demo set"
                                + " MVOTING_SIGNING_KEYSTORE to the city's signing certificate.");
                    } catch (FileAlreadyExistsException taken) {
                        LOG.fine("the demo signing keystore was created meanwhile: reading that one");
                    } catch (UnsupportedOperationException noLinks) {
                        Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
                    }
                } finally {
                    Files.deleteIfExists(draft);
                }
            }
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read or create the demo signing keystore at " + file, e);
        }
        return load(file, DEMO_PASSWORD.toCharArray(), null);
    }

    private static Path ownerOnlyDraft(Path folder) throws IOException {
        try {
            return Files.createTempFile(folder, ".demo-signing", ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createTempFile(folder, ".demo-signing", ".tmp");
        }
    }

    /** A fresh RSA key with a self-signed certificate for {@code subject}, valid for ten years from yesterday. */
    static SigningKey selfSigned(String subject, SecureRandom random) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072, random);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(63, random).add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            return new SigningKey(pair.getPrivate(), List.of(certificate));
        } catch (OperatorCreationException | IOException e) {
            throw new GeneralSecurityException("Cannot make a self-signed certificate", e);
        }
    }
}
