package org.mvoting.devserver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * The integration tests' own signing certificate: a PKCS#12 keystore with one self-signed RSA key, made with the
 * JDK's keytool before the test server starts, which signs results summaries with it (MVOTING_SIGNING_KEYSTORE).
 * Kept in target/ and made again only when missing; nothing in it leaves the build.
 *
 * <p>Arguments: the keystore file, its password.
 */
public final class TestSigningKeystore {

    /** The tests' certificate's subject, as the signature on a summary must name it. */
    public static final String SUBJECT = "CN=mVoting integration tests signing, O=mVoting tests";
    public static final String ALIAS = "mvoting-it-signing";

    private TestSigningKeystore() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        Path file = Paths.get(args[0]);
        if (Files.exists(file)) {
            return;
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-storetype", "PKCS12",
                "-keystore", file.toString(), "-storepass", args[1], "-alias", ALIAS, "-keyalg", "RSA",
                "-keysize", "3072", "-sigalg", "SHA256withRSA", "-validity", "3650", "-dname", SUBJECT,
                "-ext", "KeyUsage:critical=digitalSignature,nonRepudiation"))
                .redirectErrorStream(true).inheritIO().start();
        if (process.waitFor() != 0) {
            Files.deleteIfExists(file);
            throw new IllegalStateException("keytool could not make the test signing keystore " + file);
        }
    }
}
