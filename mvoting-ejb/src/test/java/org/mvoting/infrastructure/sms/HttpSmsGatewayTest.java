package org.mvoting.infrastructure.sms;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

class HttpSmsGatewayTest {

    /** What the fake gateway saw of one request. */
    private record Received(String method, String path, String contentType, String authorization,
                            String idempotencyKey, String body) {
    }

    private static final String TEXT = "[mVoting] 인증번호 482913";

    private HttpServer server;
    private final AtomicReference<Received> received = new AtomicReference<>();
    private volatile int answerStatus = 200;

    @BeforeEach
    void startFakeGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/v1/messages", exchange -> {
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
                + "/v1/messages");
    }

    private static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }

    @Test
    void acceptedMessageIsPostedAsJson() {
        UUID id = UUID.randomUUID();

        new HttpSmsGateway(endpoint(), "api-key-123", "02-120").send(id, "+821012345678", TEXT);

        Received r = received.get();
        assertNotNull(r);
        assertEquals("POST", r.method());
        assertEquals("/v1/messages", r.path());
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        JsonObject body = json(r.body());
        assertEquals(id.toString(), body.getString("messageId"));
        assertEquals("+821012345678", body.getString("to"));
        assertEquals("02-120", body.getString("from"));
        assertEquals(TEXT, body.getString("text"));
        assertEquals(4, body.size());
    }

    @Test
    void requestCarriesTheBearerApiKey() {
        new HttpSmsGateway(endpoint(), "api-key-123", "02-120").send(UUID.randomUUID(), "+821012345678", TEXT);

        assertEquals("Bearer api-key-123", received.get().authorization());
    }

    @Test
    void requestCarriesTheMessageIdAsIdempotencyKey() {
        UUID id = UUID.randomUUID();

        new HttpSmsGateway(endpoint(), "api-key-123", "02-120").send(id, "+821012345678", TEXT);

        assertEquals(id.toString(), received.get().idempotencyKey());
    }

    @Test
    void noAuthorizationHeaderWithoutAnApiKey() {
        new HttpSmsGateway(endpoint(), null, "02-120").send(UUID.randomUUID(), "+821012345678", TEXT);
        assertNull(received.get().authorization());

        new HttpSmsGateway(endpoint(), "  ", "02-120").send(UUID.randomUUID(), "+821012345678", TEXT);
        assertNull(received.get().authorization());
    }

    @Test
    void anyTwoHundredAnswerCountsAsDelivered() {
        answerStatus = 202;

        new HttpSmsGateway(endpoint(), "k", "02-120").send(UUID.randomUUID(), "+821012345678", TEXT);

        assertNotNull(received.get());
    }

    @Test
    void serverErrorIsNotDelivered() {
        answerStatus = 500;
        HttpSmsGateway gateway = new HttpSmsGateway(endpoint(), "k", "02-120");

        SmsDeliveryException e = assertThrows(SmsDeliveryException.class,
                () -> gateway.send(UUID.randomUUID(), "+821012345678", TEXT));
        assertTrue(e.getMessage().contains("500"), e.getMessage());
        assertNotNull(received.get());
    }

    @Test
    void clientErrorIsNotDelivered() {
        answerStatus = 401;
        HttpSmsGateway gateway = new HttpSmsGateway(endpoint(), "wrong-key", "02-120");

        assertThrows(SmsDeliveryException.class, () -> gateway.send(UUID.randomUUID(), "+821012345678", TEXT));
    }

    @Test
    void closedPortIsNotDelivered() {
        URI endpoint = endpoint();
        server.stop(0);
        HttpSmsGateway gateway = new HttpSmsGateway(endpoint, "k", "02-120");

        SmsDeliveryException e = assertThrows(SmsDeliveryException.class,
                () -> gateway.send(UUID.randomUUID(), "+821012345678", TEXT));
        assertNotNull(e.getCause());
    }

    @Test
    void endpointAndSenderAreRequired() {
        assertThrows(NullPointerException.class, () -> new HttpSmsGateway(null, "k", "02-120"));
        assertThrows(NullPointerException.class, () -> new HttpSmsGateway(endpoint(), "k", null));
    }
}
