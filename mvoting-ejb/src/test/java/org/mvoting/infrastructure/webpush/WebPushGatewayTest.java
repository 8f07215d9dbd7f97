package org.mvoting.infrastructure.webpush;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mvoting.api.citizens.PushPlatform;
import org.mvoting.domain.messaging.PushNotification;
import org.mvoting.infrastructure.push.PushDeliveryException;
import org.mvoting.infrastructure.push.PushRejectedException;
import org.mvoting.infrastructure.push.PushSubscriptionGoneException;
import org.mvoting.infrastructure.push.PushTarget;

/**
 * The adapter against a push service on this machine that does what a browser's push service and the browser do
 * together: checks the VAPID header against the key the browser subscribed with, then decrypts the body with the
 * browser's private key.
 */
class WebPushGatewayTest {

    private static final Instant NOW = Instant.parse("2026-03-05T09:00:00Z");
    private static final PushNotification NOTE = new PushNotification("새 투표: 공원 이름", "공원녹지과에서 의견을 묻습니다.",
            "/m/#/polls/1b4e28ba-2fa1-11d2-883f-0016d3cca427");

    /** What the push service saw, after decrypting. */
    private record Received(String path, String ttl, String urgency, String contentEncoding, String authorization,
                            String plaintext) {
    }

    private final KeyPair browser = P256.generate();
    private final byte[] auth = P256.fromBase64Url("BTBZMqHH6r4Tts7J_aSIgg");
    private final KeyPair vapidPair = P256.generate();
    private final Vapid vapid = new Vapid(P256.encode((ECPublicKey) vapidPair.getPublic()),
            (ECPrivateKey) vapidPair.getPrivate(), "mailto:push@city.go.kr");
    private final AtomicReference<Received> received = new AtomicReference<>();
    private final AtomicInteger status = new AtomicInteger(201);
    private HttpServer server;
    private WebPushGateway gateway;

    @BeforeEach
    void startPushService() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/push/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                byte[] body = in.readAllBytes();
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                String plaintext;
                try {
                    plaintext = new String(WebPushEncryption.decrypt(body, browser, auth), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException undecryptable) {
                    plaintext = null;
                }
                received.set(new Received(exchange.getRequestURI().getPath(),
                        exchange.getRequestHeaders().getFirst("TTL"), exchange.getRequestHeaders().getFirst("Urgency"),
                        exchange.getRequestHeaders().getFirst("Content-Encoding"), authorization, plaintext));
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        server.start();
        gateway = new WebPushGateway(() -> vapid, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/push/abc123");
    }

    private PushTarget target() {
        String token = Json.createObjectBuilder()
                .add("endpoint", endpoint().toString())
                .add("p256dh", P256.base64Url(P256.encode((ECPublicKey) browser.getPublic())))
                .add("auth", P256.base64Url(auth))
                .build().toString();
        return new PushTarget(UUID.randomUUID(), PushPlatform.WEB, token);
    }

    @Test
    void theBrowserDecryptsTheNotificationAndThePushServiceAcceptsTheVapidSignature() {
        gateway.send(UUID.randomUUID(), target(), NOTE);

        Received got = received.get();
        assertNotNull(got);
        assertEquals("/push/abc123", got.path());
        assertEquals("86400", got.ttl());
        assertEquals("normal", got.urgency());
        assertEquals("aes128gcm", got.contentEncoding());
        assertNotNull(got.plaintext(), "the body decrypts with the subscriber's private key");
        JsonObject shown = Json.createReader(new StringReader(got.plaintext())).readObject();
        assertEquals(NOTE.title(), shown.getString("title"));
        assertEquals(NOTE.body(), shown.getString("body"));
        assertEquals(NOTE.link(), shown.getString("link"));

        assertTrue(got.authorization().startsWith("vapid t="), got.authorization());
        String jwt = got.authorization().substring("vapid t=".length(), got.authorization().indexOf(", k="));
        String key = got.authorization().substring(got.authorization().indexOf(", k=") + 4);
        assertEquals(vapid.publicKeyText(), key);
        assertTrue(Vapid.verify(jwt, P256.fromBase64Url(key)));
        JsonObject claims = Json.createReader(new StringReader(
                new String(P256.fromBase64Url(jwt.split("\\.")[1]), StandardCharsets.UTF_8))).readObject();
        assertEquals("http://127.0.0.1:" + server.getAddress().getPort(), claims.getString("aud"));
        assertEquals(NOW.plus(Vapid.TOKEN_LIFETIME).getEpochSecond(), claims.getJsonNumber("exp").longValue());
    }

    @Test
    void aSubscriptionThePushServiceNoLongerKnowsIsGone() {
        status.set(410);
        assertInstanceOf(PushSubscriptionGoneException.class,
                assertThrows(PushRejectedException.class, () -> gateway.send(UUID.randomUUID(), target(), NOTE)));
        status.set(404);
        assertThrows(PushSubscriptionGoneException.class, () -> gateway.send(UUID.randomUUID(), target(), NOTE));
    }

    @Test
    void tooManyRequestsAndServerErrorsAreRetriedButOtherRefusalsAreNot() {
        for (int retried : new int[] {429, 500, 503}) {
            status.set(retried);
            PushDeliveryException e = assertThrows(PushDeliveryException.class,
                    () -> gateway.send(UUID.randomUUID(), target(), NOTE));
            assertFalse(e instanceof PushRejectedException, "HTTP " + retried + " is retried");
        }
        for (int refused : new int[] {400, 403, 413}) {
            status.set(refused);
            PushDeliveryException e = assertThrows(PushDeliveryException.class,
                    () -> gateway.send(UUID.randomUUID(), target(), NOTE));
            assertTrue(e instanceof PushRejectedException && !(e instanceof PushSubscriptionGoneException),
                    "HTTP " + refused + " is refused for good");
        }
    }

    @Test
    void anUnreachablePushServiceIsRetried() {
        PushTarget target = target();
        server.stop(0);

        PushDeliveryException e = assertThrows(PushDeliveryException.class, () -> gateway.send(UUID.randomUUID(), target, NOTE));
        assertFalse(e instanceof PushRejectedException);
    }

    @Test
    void aBrokenSubscriptionIsRefusedWithoutCallingAnyone() {
        PushTarget broken = new PushTarget(UUID.randomUUID(), PushPlatform.WEB, "{\"endpoint\":\"" + endpoint()
                + "\",\"p256dh\":\"AAAA\",\"auth\":\"BTBZMqHH6r4Tts7J_aSIgg\"}");

        assertThrows(PushRejectedException.class, () -> gateway.send(UUID.randomUUID(), broken, NOTE));
        assertThrows(PushRejectedException.class,
                () -> gateway.send(UUID.randomUUID(), new PushTarget(UUID.randomUUID(), PushPlatform.WEB, "{not json"), NOTE));
        assertEquals(null, received.get());
    }

    @Test
    void aLongKoreanBodyIsShortenedToFitOnePushMessage() {
        PushNotification long1 = new PushNotification("제목", "가".repeat(2000), "/m/#/polls/1");

        gateway.send(UUID.randomUUID(), target(), long1);

        JsonObject shown = Json.createReader(new StringReader(received.get().plaintext())).readObject();
        assertTrue(shown.getString("body").endsWith("…"));
        assertTrue(shown.getString("body").startsWith("가가가"));
        assertEquals("/m/#/polls/1", shown.getString("link"));
        assertTrue(WebPushGateway.payload(long1).length <= WebPushEncryption.MAX_PLAINTEXT);
    }
}
