package org.mvoting.domain.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A message to send, written in the same transaction as the business change that caused it, so a code
 * is never "sent" for a change that rolled back, nor lost for one that committed.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    /** The delivery state of an outbox message. */
    public enum Status { PENDING, SENT, FAILED }

    /** The kind of outside service the message goes to. */
    public enum Channel { SMS, PUSH, MOBILE_OFFICE, MAIL }

    static final String REDACTED = "[delivered; content removed]";

    @Id
    private UUID id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Channel channel;

    @Column(nullable = false, length = 64)
    private String recipient;

    @Column(nullable = false, length = 2000)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "last_error", length = 1000)
    private String lastError;

    /** An SMS's number, encrypted, while the message waits to be sent; null afterwards and for push messages. */
    @Column(name = "recipient_sealed")
    private byte[] recipientSealed;

    /** The campaign this message belongs to ("invitation:<poll id>"), or null for a one-off such as a code. */
    @Column(length = 64)
    private String campaign;

    protected OutboxMessage() {
    }

    /**
     * An SMS. The number is kept only encrypted ({@code sealedRecipient}, see SealedPhone) until the message is
     * sent or given up; the recipient column shows it masked from the start.
     */
    public static OutboxMessage sms(String recipientE164, byte[] sealedRecipient, String body, Instant now) {
        OutboxMessage m = new OutboxMessage();
        m.id = UUID.randomUUID();
        m.channel = Channel.SMS;
        m.recipient = maskedRecipient(Objects.requireNonNull(recipientE164, "recipient"));
        m.recipientSealed = Objects.requireNonNull(sealedRecipient, "sealedRecipient").clone();
        m.body = Objects.requireNonNull(body, "body");
        m.status = Status.PENDING;
        m.createdAt = now;
        return m;
    }

    /** One SMS of a campaign (say, a LISTED poll's invitations): delivered under the per-number throttle. */
    public static OutboxMessage campaignSms(String recipientE164, byte[] sealedRecipient, String body, String campaign,
                                            Instant now) {
        OutboxMessage m = sms(recipientE164, sealedRecipient, body, now);
        m.campaign = Objects.requireNonNull(campaign, "campaign");
        return m;
    }

    /**
     * A push notification for one app installation. The recipient is the installation's id, not its token: the
     * token is looked up when the message goes out, so it never sits here and a removed installation gets nothing.
     */
    public static OutboxMessage push(UUID installationId, PushNotification notification, Instant now) {
        OutboxMessage m = new OutboxMessage();
        m.id = UUID.randomUUID();
        m.channel = Channel.PUSH;
        m.recipient = Objects.requireNonNull(installationId, "installation").toString();
        m.body = Objects.requireNonNull(notification, "notification").toJson();
        m.status = Status.PENDING;
        m.createdAt = now;
        return m;
    }

    /**
     * A notice to one member of staff through the mobile office's notification channel (a staff poll opened). The
     * recipient is the staff id, which the mobile office knows them by; the notice is kept as PushNotification's JSON.
     */
    public static OutboxMessage mobileOffice(String staffId, PushNotification notice, Instant now) {
        OutboxMessage m = new OutboxMessage();
        m.id = UUID.randomUUID();
        m.channel = Channel.MOBILE_OFFICE;
        m.recipient = Objects.requireNonNull(staffId, "staffId");
        m.body = Objects.requireNonNull(notice, "notice").toJson();
        m.status = Status.PENDING;
        m.createdAt = now;
        return m;
    }

    public boolean isCampaignMessage() {
        return campaign != null;
    }

    /** An invitation sent by a citizen's poll (campaign "ci:{poll}"), which honours opt-outs. */
    public boolean isCitizenInvitation() {
        return campaign != null && campaign.startsWith("ci:");
    }

    public boolean isPending() {
        return status == Status.PENDING;
    }

    /** Delivered: neither the body (which may hold a one-time code) nor the full number is kept. */
    public void markSent(Instant now) {
        attempts++;
        status = Status.SENT;
        sentAt = now;
        redact();
        lastError = null;
    }

    public void recordFailedAttempt(String error) {
        attempts++;
        lastError = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
    }

    /** Delivery cannot succeed (the service refused the message for good, or its recipient is gone): no retries. */
    public void markUndeliverable(String reason) {
        recordFailedAttempt(reason);
        status = Status.FAILED;
        redact();
    }

    /** Retries are exhausted; the message went to the dead-letter queue. */
    public void markFailed() {
        status = Status.FAILED;
        redact();
    }

    /** Still pending long after it was written: its announcement on the queue was lost (say, a crash). */
    public boolean isStuck(Instant now, java.time.Duration patience) {
        return status == Status.PENDING && createdAt.plus(patience).isBefore(now);
    }

    private void redact() {
        body = REDACTED;
        recipientSealed = null;
        recipient = maskedRecipient(recipient);
    }

    private static String maskedRecipient(String e164) {
        if (e164.startsWith("*")) {
            return e164; // masked already
        }
        return e164.length() <= 4 ? "****" : "*".repeat(e164.length() - 4) + e164.substring(e164.length() - 4);
    }

    public UUID id() {
        return id;
    }

    public Channel channel() {
        return channel;
    }

    /** The masked number of an SMS; the installation id of a push message while it waits. */
    public String recipient() {
        return recipient;
    }

    /** The encrypted number of an SMS waiting to be sent (null once sent or given up). */
    public byte[] recipientSealed() {
        return recipientSealed == null ? null : recipientSealed.clone();
    }

    public String body() {
        return body;
    }

    public Status status() {
        return status;
    }

    public int attempts() {
        return attempts;
    }
}
