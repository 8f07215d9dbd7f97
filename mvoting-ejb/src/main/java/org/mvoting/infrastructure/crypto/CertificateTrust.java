package org.mvoting.infrastructure.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.mvoting.api.settings.CitySettings;

/**
 * The city's certificate trust as configured now: the trust anchors (MVOTING_CERTIFICATE_TRUST_ANCHORS, a PEM file or
 * a folder), the CRLs (MVOTING_CERTIFICATE_CRL, files or folders) and the subject identifier. Kept per node and
 * rebuilt when a setting or any file's modification time changes, so a city that drops a fresh CRL into the folder
 * (by its own scheduled download) is heard at the next sign-in, without a redeploy.
 */
@ApplicationScoped
public class CertificateTrust {

    private record Loaded(String stamp, CertificateChecker checker) {
    }

    private volatile Loaded loaded;

    /** The checker for the files as they are now. */
    public CertificateChecker checker() {
        List<Path> anchorFiles = CitySettings.certificateTrustAnchors().map(p -> files(Path.of(p))).orElse(List.of());
        List<Path> crlFiles = new ArrayList<>();
        CitySettings.certificateCrl().forEach(p -> crlFiles.addAll(files(Path.of(p))));
        String stamp = CitySettings.certificateSubjectId() + "|" + stamp(anchorFiles) + "|" + stamp(crlFiles);
        Loaded current = loaded;
        if (current != null && current.stamp().equals(stamp)) {
            return current.checker();
        }
        List<X509Certificate> anchors = new ArrayList<>();
        for (Path file : anchorFiles) {
            anchors.addAll(CertificateChecker.readCertificates(read(file)));
        }
        List<X509CRL> crls = new ArrayList<>();
        for (Path file : crlFiles) {
            crls.addAll(CertificateChecker.readCrls(read(file), file.toString()));
        }
        CertificateChecker checker = new CertificateChecker(anchors, crls, CitySettings.certificateSubjectId());
        loaded = new Loaded(stamp, checker);
        return checker;
    }

    /** A file itself, or the regular files of a folder in name order; a path that does not exist is a setting error. */
    private static List<Path> files(Path path) {
        if (Files.isDirectory(path)) {
            try (Stream<Path> entries = Files.list(path)) {
                return entries.filter(Files::isRegularFile).sorted().toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + path, e);
            }
        }
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException("certificate setting names " + path + ", which is neither a file nor a folder");
        }
        return List.of(path);
    }

    private static String stamp(List<Path> files) {
        StringBuilder stamp = new StringBuilder();
        for (Path file : files) {
            try {
                stamp.append(file).append('@').append(Files.getLastModifiedTime(file).toMillis())
                        .append('+').append(Files.size(file)).append(';');
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        return stamp.toString();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
