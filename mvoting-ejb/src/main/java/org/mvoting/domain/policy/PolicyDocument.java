package org.mvoting.domain.policy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.UUID;
import org.mvoting.api.errors.PolicyCycleException;
import org.mvoting.api.errors.PolicyCycleException.Reason;
import org.mvoting.api.policycycle.PolicyDocumentFile;

/**
 * A step's PDF, kept in the database and attached once (append-only, like the step). Only a PDF is taken, checked by
 * its first bytes rather than by what the client claims, so what is served as application/pdf is one.
 */
@Entity
@Table(name = "policy_document")
public class PolicyDocument {

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final String FALLBACK_NAME = "document.pdf";

    @Id
    @Column(name = "step_id")
    private UUID stepId;

    @Column(name = "file_name", nullable = false, length = PolicyDocumentFile.NAME_LENGTH, updatable = false)
    private String fileName;

    @Column(name = "byte_size", nullable = false, updatable = false)
    private int byteSize;

    @Column(nullable = false, updatable = false)
    private byte[] sha256;

    @Column(nullable = false, updatable = false)
    private byte[] content;

    @Column(name = "attached_by", nullable = false, length = 100, updatable = false)
    private String attachedBy;

    @Column(name = "attached_at", nullable = false, updatable = false)
    private Instant attachedAt;

    protected PolicyDocument() {
    }

    /** A PDF for the step: refused when empty, too large or not a PDF; the name is tidied (see {@link #cleanName}). */
    public static PolicyDocument pdf(PolicyStep step, String fileName, byte[] content, String attachedBy, Instant now) {
        if (content == null || content.length == 0 || content.length > PolicyDocumentFile.MAX_BYTES) {
            throw new PolicyCycleException(Reason.DOCUMENT_SIZE, PolicyDocumentFile.MAX_BYTES);
        }
        if (content.length < PDF_MAGIC.length
                || !Arrays.equals(Arrays.copyOf(content, PDF_MAGIC.length), PDF_MAGIC)) {
            throw new PolicyCycleException(Reason.DOCUMENT_NOT_PDF);
        }
        PolicyDocument document = new PolicyDocument();
        document.stepId = step.id();
        document.fileName = cleanName(fileName);
        document.byteSize = content.length;
        document.sha256 = sha256(content);
        document.content = content.clone();
        document.attachedBy = Objects.requireNonNull(attachedBy, "attachedBy");
        document.attachedAt = Objects.requireNonNull(now, "now");
        return document;
    }

    /**
     * The name to serve it under: the last path segment, without control characters or quotes (it goes into a
     * Content-Disposition header), ending in .pdf, at most {@link PolicyDocumentFile#NAME_LENGTH} characters.
     */
    static String cleanName(String given) {
        String name = given == null ? "" : given;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty() || name.equals(".pdf")) {
            return FALLBACK_NAME;
        }
        if (!name.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            name = name + ".pdf";
        }
        if (name.length() > PolicyDocumentFile.NAME_LENGTH) {
            name = name.substring(0, PolicyDocumentFile.NAME_LENGTH - 4) + ".pdf";
        }
        return name;
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public UUID stepId() {
        return stepId;
    }

    public String fileName() {
        return fileName;
    }

    public int byteSize() {
        return byteSize;
    }

    public byte[] content() {
        return content.clone();
    }
}
