package org.mvoting.infrastructure.crypto;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertPath;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXParameters;
import java.security.cert.PKIXRevocationChecker;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;
import org.mvoting.api.errors.CertificateRejectedException;
import org.mvoting.api.errors.CertificateRejectedException.Reason;
import org.mvoting.api.settings.CitySettings;

/**
 * Checks a citizen's certificate chain with the JDK's PKIX validator: it must lead to one of the city's trust anchors,
 * every certificate must be valid at the given moment, and none may be listed in its issuer's CRL. Revocation is
 * checked from the configured CRLs only (no OCSP, no download): an issuer without a current CRL makes its
 * certificates fail as {@code certificate-revocation-unknown}, never pass unchecked. Also verifies the proof of
 * possession and reads the subject identifier that names the voter. Plain Java, so each refusal is unit-tested.
 */
public final class CertificateChecker {

    /** Attribute names a city may give for the subject identifier, by their OIDs (an OID works as well). */
    private static final Map<String, String> ATTRIBUTES = Map.of(
            "SERIALNUMBER", "2.5.4.5", "CN", "2.5.4.3", "UID", "0.9.2342.19200300.100.1.1",
            "EMAILADDRESS", "1.2.840.113549.1.9.1", "DNQUALIFIER", "2.5.4.46", "UNIQUEIDENTIFIER", "2.5.4.45");
    /** A keyword no standard attribute uses, so the configured attribute is found by name in the RFC 2253 form. */
    private static final String KEYWORD = "MVSUBJECTID";
    /** The setting's prefix for a subjectAltName otherName, such as SAN-OTHERNAME:1.3.6.1.4.1.311.20.2.3 (a UPN). */
    public static final String OTHER_NAME = "SAN-OTHERNAME:";

    private final Set<TrustAnchor> anchors;
    private final List<X509CRL> crls;
    /** The subject attribute's OID, or null when the identifier is a subjectAltName otherName. */
    private final String subjectOid;
    /** The otherName's type OID ("SAN-OTHERNAME:oid"), or null. */
    private final String otherNameOid;

    /** {@code subjectAttribute}: a name from {@link #ATTRIBUTES} or a dotted OID (MVOTING_CERTIFICATE_SUBJECT_ID). */
    public CertificateChecker(Collection<X509Certificate> trustAnchors, Collection<X509CRL> crls, String subjectAttribute) {
        Set<TrustAnchor> set = new HashSet<>();
        trustAnchors.forEach(ca -> set.add(new TrustAnchor(ca, null)));
        this.anchors = Set.copyOf(set);
        this.crls = List.copyOf(crls);
        String setting = subjectAttribute.strip().toUpperCase(Locale.ROOT);
        if (setting.startsWith(OTHER_NAME)) {
            this.otherNameOid = setting.substring(OTHER_NAME.length());
            this.subjectOid = null;
            if (!CitySettings.isOid(otherNameOid)) {
                throw new IllegalArgumentException("MVOTING_CERTIFICATE_SUBJECT_ID: " + subjectAttribute
                        + " does not end in an OID");
            }
        } else {
            this.subjectOid = oidOf(setting);
            this.otherNameOid = null;
        }
    }

    /**
     * What the identifier is, for the voter key: the attribute's OID, or "san-othername:" and the otherName's OID. Part
     * of the key so that the same value under another attribute is another person.
     */
    public String identifierKind() {
        return subjectOid != null ? subjectOid : "san-othername:" + otherNameOid;
    }

    /** The OID of an attribute name or OID; refused for a name this checker does not know. */
    public static String oidOf(String attribute) {
        String name = attribute.strip().toUpperCase(Locale.ROOT);
        if (CitySettings.isOid(name)) {
            return name;
        }
        String oid = ATTRIBUTES.get(name);
        if (oid == null) {
            throw new IllegalArgumentException("MVOTING_CERTIFICATE_SUBJECT_ID: unknown attribute " + attribute
                    + "; give one of " + ATTRIBUTES.keySet() + " or an OID");
        }
        return oid;
    }

    /** Whether any trust anchor is configured: without one, certificate sign-in is off. */
    public boolean enabled() {
        return !anchors.isEmpty();
    }

    /**
     * The subject identifier of the chain's first certificate once the chain is valid at {@code at}; a
     * {@link CertificateRejectedException} naming the first failure otherwise.
     */
    public String check(List<X509Certificate> chain, Instant at) {
        if (!enabled()) {
            throw new CertificateRejectedException(Reason.SIGN_IN_OFF);
        }
        if (chain.isEmpty()) {
            throw new CertificateRejectedException(Reason.MALFORMED);
        }
        try {
            CertPath path = CertificateFactory.getInstance("X.509").generateCertPath(chain);
            CertPathValidator validator = CertPathValidator.getInstance("PKIX");
            PKIXParameters parameters = new PKIXParameters(anchors);
            parameters.setDate(Date.from(at));
            // CRLs only, from the configured files: no OCSP and no fallback, so an unknown status is a refusal
            PKIXRevocationChecker revocation = (PKIXRevocationChecker) validator.getRevocationChecker();
            revocation.setOptions(EnumSet.of(PKIXRevocationChecker.Option.PREFER_CRLS,
                    PKIXRevocationChecker.Option.NO_FALLBACK));
            parameters.setRevocationEnabled(true);
            parameters.addCertPathChecker(revocation);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(crls)));
            validator.validate(path, parameters);
        } catch (CertPathValidatorException e) {
            throw new CertificateRejectedException(reasonOf(e));
        } catch (InvalidAlgorithmParameterException | CertificateException e) {
            throw new CertificateRejectedException(Reason.UNTRUSTED);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PKIX validation unavailable", e);
        }
        return subjectId(chain.get(0));
    }

    private static Reason reasonOf(CertPathValidatorException e) {
        if (e.getReason() instanceof CertPathValidatorException.BasicReason basic) {
            return switch (basic) {
                case EXPIRED -> Reason.EXPIRED;
                case NOT_YET_VALID -> Reason.NOT_YET_VALID;
                case REVOKED -> Reason.REVOKED;
                case UNDETERMINED_REVOCATION_STATUS -> Reason.REVOCATION_UNKNOWN;
                default -> Reason.UNTRUSTED;
            };
        }
        return Reason.UNTRUSTED; // PKIXReason.NO_TRUST_ANCHOR and the rest: the chain does not lead to the city
    }

    /** The configured attribute of the subject's name, or the configured otherName; exactly one must be present. */
    String subjectId(X509Certificate certificate) {
        if (otherNameOid != null) {
            return otherName(certificate);
        }
        String name = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253, Map.of(subjectOid, KEYWORD));
        List<String> values = new ArrayList<>();
        try {
            for (Rdn rdn : new LdapName(name).getRdns()) {
                // a multi-valued RDN ("SERIALNUMBER=a+SERIALNUMBER=b") holds several attributes: look at each
                Attribute attribute = rdn.toAttributes().get(KEYWORD);
                for (int i = 0; attribute != null && i < attribute.size(); i++) {
                    if (attribute.get(i) instanceof String value && !value.isBlank()) {
                        values.add(value.strip());
                    }
                }
            }
        } catch (NamingException e) {
            throw new CertificateRejectedException(Reason.MALFORMED);
        }
        if (values.size() != 1) { // none, or two that would each name someone
            throw new CertificateRejectedException(Reason.NO_SUBJECT_ID);
        }
        return values.get(0);
    }

    /** The string value of the one otherName of the configured type in the subjectAltName. */
    private String otherName(X509Certificate certificate) {
        List<String> values = new ArrayList<>();
        try {
            Collection<List<?>> names = certificate.getSubjectAlternativeNames();
            for (List<?> name : names == null ? List.<List<?>>of() : names) {
                if (Integer.valueOf(0).equals(name.get(0)) && name.get(1) instanceof byte[] der) {
                    OtherNames.value(der, otherNameOid).filter(v -> !v.isBlank()).ifPresent(v -> values.add(v.strip()));
                }
            }
        } catch (java.security.cert.CertificateParsingException e) {
            throw new CertificateRejectedException(Reason.MALFORMED);
        }
        if (values.size() != 1) {
            throw new CertificateRejectedException(Reason.NO_SUBJECT_ID);
        }
        return values.get(0);
    }

    /**
     * Whether {@code signature} over the UTF-8 bytes of {@code challenge} verifies with the certificate's key:
     * SHA256withRSA for RSA keys, SHA256withECDSA for EC keys (the key decides, so no weaker algorithm can be asked for).
     */
    public static void verifyPossession(X509Certificate certificate, String challenge, byte[] signature) {
        PublicKey key = certificate.getPublicKey();
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new CertificateRejectedException(Reason.BAD_SIGNATURE);
        };
        try {
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(key);
            verifier.update(challenge.getBytes(StandardCharsets.UTF_8));
            if (!verifier.verify(signature)) {
                throw new CertificateRejectedException(Reason.BAD_SIGNATURE);
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) { // a signature of the wrong shape
            throw new CertificateRejectedException(Reason.BAD_SIGNATURE);
        }
    }

    /** Certificates given as PEM or as base64 DER, in order; malformed text is refused as such. */
    public static List<X509Certificate> parseChain(List<String> texts) {
        List<X509Certificate> chain = new ArrayList<>();
        for (String text : texts) {
            if (text == null || text.isBlank()) {
                throw new CertificateRejectedException(Reason.MALFORMED);
            }
            List<X509Certificate> read = readCertificates(text.contains("-----BEGIN") ? text.getBytes(StandardCharsets.US_ASCII)
                    : decode(text));
            if (read.size() != 1) {
                throw new CertificateRejectedException(Reason.MALFORMED);
            }
            chain.add(read.get(0));
        }
        return chain;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new CertificateRejectedException(Reason.MALFORMED);
        }
    }

    /** Every certificate in PEM or DER bytes (a PEM file may hold several). */
    public static List<X509Certificate> readCertificates(byte[] bytes) {
        try {
            List<X509Certificate> certificates = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))
                    .forEach(c -> certificates.add((X509Certificate) c));
            return certificates;
        } catch (CertificateException e) {
            throw new CertificateRejectedException(Reason.MALFORMED);
        }
    }

    /** Every CRL in PEM or DER bytes; a file that holds none is a configuration error, said with its name. */
    public static List<X509CRL> readCrls(byte[] bytes, String source) {
        try {
            List<X509CRL> read = new ArrayList<>();
            CertificateFactory.getInstance("X.509").generateCRLs(new ByteArrayInputStream(bytes))
                    .forEach(c -> read.add((X509CRL) c));
            return read;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("MVOTING_CERTIFICATE_CRL: cannot read " + source, e);
        }
    }
}
