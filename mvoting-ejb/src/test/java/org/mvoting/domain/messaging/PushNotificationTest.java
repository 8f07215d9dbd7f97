package org.mvoting.domain.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A push notification travels through the outbox as a small JSON body. */
class PushNotificationTest {

    private static final PushNotification NOTE = new PushNotification("새 투표: \"공원\" 이름 짓기",
            "공원녹지과에서 의견을 묻습니다. 3월 5일 18:00까지", "/m/#/polls/1b4e28ba-2fa1-11d2-883f-0016d3cca427");

    @Test
    void theBodyIsJsonWithTitleBodyAndLink() {
        JsonObject json = Json.createReader(new StringReader(NOTE.toJson())).readObject();

        assertEquals(NOTE.title(), json.getString("title"));
        assertEquals(NOTE.body(), json.getString("body"));
        assertEquals(NOTE.link(), json.getString("link"));
        assertEquals(3, json.size());
    }

    @Test
    void itReadsBackWhatItWrote() {
        assertEquals(NOTE, PushNotification.fromJson(NOTE.toJson()));
        PushNotification noLink = new PushNotification("t", "b", null);
        assertEquals(noLink, PushNotification.fromJson(noLink.toJson()));
        assertNull(PushNotification.fromJson(noLink.toJson()).link());
    }

    @Test
    void somethingElseIsNotANotification() {
        assertThrows(IllegalArgumentException.class, () -> PushNotification.fromJson("[mVoting] 인증번호 482913"));
        assertThrows(IllegalArgumentException.class, () -> PushNotification.fromJson("{\"title\":\"t\"}"));
    }

    @Test
    void titleAndBodyAreRequiredAndALongTitleIsShortened() {
        assertThrows(NullPointerException.class, () -> new PushNotification(null, "b", null));
        assertThrows(NullPointerException.class, () -> new PushNotification("t", null, null));
        String longTitle = new PushNotification("가".repeat(400), "b", null).title();
        assertEquals(PushNotification.TITLE_LENGTH, longTitle.length());
        assertTrue(longTitle.endsWith("…"));
    }

    @Test
    void theOutboxKeepsTheInstallationAsRecipientAndTheNotificationAsBody() {
        UUID installation = UUID.randomUUID();
        OutboxMessage message = OutboxMessage.push(installation, NOTE, Instant.parse("2030-03-01T09:00:00Z"));

        assertEquals(OutboxMessage.Channel.PUSH, message.channel());
        assertEquals(installation.toString(), message.recipient());
        assertEquals(NOTE, PushNotification.fromJson(message.body()));
        assertTrue(message.isPending());
        assertFalse(message.body().contains("token"), "the token is looked up at send time, never kept here");
        assertTrue(message.body().length() < 2000, "fits outbox_message.body");
    }
}
