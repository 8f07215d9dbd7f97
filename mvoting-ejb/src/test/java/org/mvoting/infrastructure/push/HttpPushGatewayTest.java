package org.mvoting.infrastructure.push;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvoting.api.citizens.PushPlatform;
import org.mvoting.domain.messaging.PushNotification;

class HttpPushGatewayTest {

    /** What the fake gateway saw of one request. */
    private record Received(String method, String path, String contentType, String authorization,
                            String idempotencyKey, String body) {
    }

    private static final PushTarget TARGET = new PushTarget(UUID.randomUUID(), PushPlatform.ANDROID, "fcm-token-abc:123");
    private static final PushNotification NOTE = new PushNotification("새 투표: 공원 이름", "공원녹지과에서 의견을 묻습니다. 3월 5일 18:00까지",
            "/m/#/polls/1b4e28ba-2fa1-11d2-883f-0016d3cca427");

    private HttpServer server;
    private final AtomicReference<Received> received = new AtomicReference<>();
    private volatile int answerStatus = 200;

    @BeforeEach
    void startFakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/push", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                received.set(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(answerStatus, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopFakeGateway() {
        server.stop(0);
    }

    private URI endpoint() {
        return URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort()
                + "/v1/push");
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void acceptedNotificationIsPostedAsJsonWithTheToken() {
        UUID id = UUID.randomUUID();

        new HttpPushGateway(endpoint(), "push-key").send(id, TARGET, NOTE);

        Received r = received.get();
        assertNotNull(r);
        assertEquals("POST", r.method());
        assertEquals("/v1/push", r.path());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonObject body = json(r.body());
        assertEquals(id.toString(), body.getString("messageId"));
        assertEquals("fcm-token-abc:123", body.getString("token"));
        assertEquals(NOTE.title(), body.getString("title"));
        assertEquals(NOTE.body(), body.getString("body"));
        assertEquals(NOTE.link(), body.getString("link"));
        assertEquals(5, body.size());
    }

    @Test
    void requestCarriesTheBearerKeyAndTheMessageIdAsIdempotencyKey() {
        UUID id = UUID.randomUUID();

        new HttpPushGateway(endpoint(), "push-key").send(id, TARGET, NOTE);

        assertEquals("Bearer push-key", received.get().authorization());
        assertEquals(id.toString(), received.get().idempotencyKey());
    }

    @Test
    void noAuthorizationHeaderWithoutAKey() {
        new HttpPushGateway(endpoint(), null).send(UUID.randomUUID(), TARGET, NOTE);
        assertNull(received.get().authorization());

        new HttpPushGateway(endpoint(), " ").send(UUID.randomUUID(), TARGET, NOTE);
        assertNull(received.get().authorization());
    }

    @Test
    void aNotificationWithoutALinkSendsNone() {
        new HttpPushGateway(endpoint(), "k").send(UUID.randomUUID(), TARGET, new PushNotification("t", "b", null));

        assertFalse(json(received.get().body()).containsKey("link"));
    }

    @Test
    void anyTwoHundredAnswerCountsAsSent() {
        answerStatus = 202;

        new HttpPushGateway(endpoint(), "k").send(UUID.randomUUID(), TARGET, NOTE);

        assertNotNull(received.get());
    }

    @Test
    void aClientErrorIsARefusalForGood() {
        for (int status : new int[] {400, 401, 404, 410}) {
            answerStatus = status;
            HttpPushGateway gateway = new HttpPushGateway(endpoint(), "k");

            PushRejectedException e = assertThrows(PushRejectedException.class,
                    () -> gateway.send(UUID.randomUUID(), TARGET, NOTE));
            assertTrue(e.getMessage().contains(String.valueOf(status)), e.getMessage());
        }
    }

    @Test
    void aServerErrorIsRetried() {
        answerStatus = 503;
        HttpPushGateway gateway = new HttpPushGateway(endpoint(), "k");

        PushDeliveryException e = assertThrows(PushDeliveryException.class, () -> gateway.send(UUID.randomUUID(), TARGET, NOTE));
        assertFalse(e instanceof PushRejectedException, "a 5xx may pass: it is retried");
        assertTrue(e.getMessage().contains("503"), e.getMessage());
    }

    @Test
    void aClosedPortIsRetried() {
        URI endpoint = endpoint();
        server.stop(0);
        HttpPushGateway gateway = new HttpPushGateway(endpoint, "k");

        PushDeliveryException e = assertThrows(PushDeliveryException.class, () -> gateway.send(UUID.randomUUID(), TARGET, NOTE));
        assertFalse(e instanceof PushRejectedException);
        assertNotNull(e.getCause());
    }

    @Test
    void theTokenStaysOutOfTheTargetsText() {
        assertFalse(TARGET.toString().contains("fcm-token"), TARGET.toString());
        assertInstanceOf(PushDeliveryException.class, new PushRejectedException("x"));
    }

    @Test
    void anEndpointIsRequired() {
        assertThrows(NullPointerException.class, () -> new HttpPushGateway(null, "k"));
    }
}
