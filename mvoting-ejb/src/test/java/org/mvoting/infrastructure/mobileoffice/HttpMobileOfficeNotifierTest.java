package org.mvoting.infrastructure.mobileoffice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvoting.domain.messaging.PushNotification;

class HttpMobileOfficeNotifierTest {

    /** What the fake mobile office saw of one request. */
    private record Received(String authorization, String idempotencyKey, String contentType, String body) {
    }

    private static final PushNotification NOTICE = new PushNotification("새 직원 투표: 구내식당 / New staff poll: 구내식당",
            "정보화담당관에서 의견을 묻습니다. 3월 5일 18:00까지 투표해 주세요.\nPlease vote by Mar 5, 18:00.",
            "https://vote.city.go.kr/admin/vote.xhtml?id=1b4e28ba-2fa1-11d2-883f-0016d3cca427");

    private HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    /** The answers the fake gives in turn; the last one repeats. */
    private volatile int[] answers = {200};
    private final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void startFakeMobileOffice() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/notify", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            int call = calls.getAndIncrement();
            exchange.sendResponseHeaders(answers[Math.min(call, answers.length - 1)], -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private HttpMobileOfficeNotifier notifier(String key) {
        return new HttpMobileOfficeNotifier(URI.create("http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + "/notify"), key);
    }

    @Test
    void postsTheRecipientsTitleBodyAndLinkAsJsonWithTheKeyAndTheMessageIdAsIdempotencyKey() {
        UUID id = UUID.randomUUID();
        notifier("office-key").send(id, List.of("it.staff1", "econ.staff1"), NOTICE);

        Received request = received.get(0);
        assertEquals("Bearer office-key", request.authorization());
        assertEquals(id.toString(), request.idempotencyKey());
        assertEquals("application/json; charset=utf-8", request.contentType());
        JsonObject json = Json.createReader(new StringReader(request.body())).readObject();
        assertEquals(id.toString(), json.getString("messageId"));
        assertEquals(List.of("it.staff1", "econ.staff1"), json.getJsonArray("recipients").getValuesAs(JsonString.class)
                .stream().map(JsonString::getString).toList());
        assertEquals(NOTICE.title(), json.getString("title"));
        assertEquals(NOTICE.body(), json.getString("body"));
        assertEquals(NOTICE.link(), json.getString("link"));
    }

    @Test
    void aServerErrorIsRetriableAndTheRetryOfTheSameMessageIsDeliveredOnce() {
        answers = new int[] {500, 200};
        HttpMobileOfficeNotifier notifier = notifier("office-key");
        UUID id = UUID.randomUUID();

        MobileOfficeDeliveryException failed = assertThrows(MobileOfficeDeliveryException.class,
                () -> notifier.send(id, List.of("it.staff2"), NOTICE));
        assertFalse(failed instanceof MobileOfficeRejectedException, "a 500 is worth another try");
        notifier.send(id, List.of("it.staff2"), NOTICE); // what the outbox's redelivery does

        assertEquals(2, received.size(), "one failed attempt, one delivery, nothing more");
        assertEquals(received.get(0).idempotencyKey(), received.get(1).idempotencyKey(),
                "the mobile office can tell the retry from a second notice");
        assertEquals(received.get(0).body(), received.get(1).body());
    }

    @Test
    void aRefusalIsForGoodAndAnUnreachableOfficeIsRetriable() {
        answers = new int[] {422};
        assertInstanceOf(MobileOfficeRejectedException.class, assertThrows(MobileOfficeDeliveryException.class,
                () -> notifier(null).send(UUID.randomUUID(), List.of("it.staff1"), NOTICE)));
        assertEquals(null, received.get(0).authorization(), "no key configured, no Authorization header");

        server.stop(0);
        MobileOfficeDeliveryException down = assertThrows(MobileOfficeDeliveryException.class,
                () -> notifier("k").send(UUID.randomUUID(), List.of("it.staff1"), NOTICE));
        assertFalse(down instanceof MobileOfficeRejectedException);
    }
}
