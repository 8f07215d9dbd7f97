package org.mvoting.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OutboxMessageTest {

    private static final Instant NOW = Instant.parse("2030-03-01T09:00:00Z");
    private static final String BODY = "[mVoting] 인증번호 482913";

    private static final byte[] SEALED = {7, 7, 7};

    private final OutboxMessage message = OutboxMessage.sms("+821012345678", SEALED, BODY, NOW);

    @Test
    void newSmsIsPendingWithNoAttempts() {
        assertNotNull(message.id());
        assertEquals("*********5678", message.recipient(), "the number is masked from the start");
        assertArrayEquals(SEALED, message.recipientSealed(), "and kept only encrypted until it is sent");
        assertEquals(BODY, message.body());
        assertEquals(OutboxMessage.Status.PENDING, message.status());
        assertTrue(message.isPending());
        assertEquals(0, message.attempts());
    }

    @Test
    void recipientAndBodyAreRequired() {
        assertThrows(NullPointerException.class, () -> OutboxMessage.sms(null, SEALED, BODY, NOW));
        assertThrows(NullPointerException.class, () -> OutboxMessage.sms("+821012345678", null, BODY, NOW));
        assertThrows(NullPointerException.class, () -> OutboxMessage.sms("+821012345678", SEALED, null, NOW));
    }

    @Test
    void markSentSetsStatusSentAndCountsTheAttempt() {
        message.markSent(NOW.plusSeconds(2));

        assertEquals(OutboxMessage.Status.SENT, message.status());
        assertFalse(message.isPending());
        assertEquals(1, message.attempts());
    }

    @Test
    void markSentRedactsTheBodyAndTheNumber() {
        message.markSent(NOW.plusSeconds(2));
        assertEquals("*********5678", message.recipient());
        assertNull(message.recipientSealed(), "the encrypted number goes too");

        assertFalse(message.body().contains("482913"));
        assertEquals(OutboxMessage.REDACTED, message.body());
    }

    @Test
    void failedAttemptsAreCountedAndTheMessageStaysPending() {
        message.recordFailedAttempt("HTTP 500");
        message.recordFailedAttempt("timeout");

        assertEquals(2, message.attempts());
        assertEquals(OutboxMessage.Status.PENDING, message.status());
        assertTrue(message.isPending());
        assertEquals(BODY, message.body());
    }

    @Test
    void failedAttemptAcceptsNullAndVeryLongErrors() {
        message.recordFailedAttempt(null);
        message.recordFailedAttempt("x".repeat(5000));

        assertEquals(2, message.attempts());
        assertTrue(message.isPending());
    }

    @Test
    void sentAfterFailuresCountsEveryAttempt() {
        message.recordFailedAttempt("HTTP 503");
        message.markSent(NOW.plusSeconds(60));

        assertEquals(2, message.attempts());
        assertEquals(OutboxMessage.Status.SENT, message.status());
    }

    @Test
    void markFailedEndsDelivery() {
        message.recordFailedAttempt("HTTP 500");
        message.markFailed();

        assertEquals(OutboxMessage.Status.FAILED, message.status());
        assertFalse(message.isPending());
        assertEquals(1, message.attempts());
    }

    @Test
    void markFailedAlsoRedacts() {
        message.markFailed();
        assertEquals(OutboxMessage.REDACTED, message.body());
        assertEquals("*********5678", message.recipient());
    }

    @Test
    void onlyALongPendingMessageIsStuck() {
        assertEquals(false, message.isStuck(NOW.plusSeconds(60), java.time.Duration.ofMinutes(5)));
        assertEquals(true, message.isStuck(NOW.plusSeconds(301), java.time.Duration.ofMinutes(5)));
        message.markSent(NOW.plusSeconds(1));
        assertEquals(false, message.isStuck(NOW.plusSeconds(3600), java.time.Duration.ofMinutes(5)));
    }

    @Test
    void anUndeliverableMessageFailsAtOnceCountsTheAttemptAndIsRedacted() {
        OutboxMessage push = OutboxMessage.push(java.util.UUID.fromString("1b4e28ba-2fa1-11d2-883f-0016d3cca427"),
                new PushNotification("새 투표: 공원", "본문", "/m/#/polls/x"), NOW);

        push.markUndeliverable("push gateway refused the notification: HTTP 410");

        assertEquals(OutboxMessage.Status.FAILED, push.status());
        assertEquals(1, push.attempts());
        assertEquals(OutboxMessage.REDACTED, push.body());
        assertTrue(push.recipient().endsWith("a427") && push.recipient().startsWith("****"), push.recipient());
    }

    @Test
    void onlyCampaignMessagesAreThrottledAsSuch() {
        assertFalse(message.isCampaignMessage(), "a sign-in code is a one-off");
        OutboxMessage invitation = OutboxMessage.campaignSms("+821012345678", SEALED, BODY, "invitation:x", NOW);
        assertTrue(invitation.isCampaignMessage());
        assertTrue(invitation.isPending());
        assertThrows(NullPointerException.class, () -> OutboxMessage.campaignSms("+821012345678", SEALED, BODY, null, NOW));
    }
}
