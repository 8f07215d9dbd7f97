package org.mvoting.infrastructure.webpush;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Supplier;
import org.mvoting.domain.messaging.PushNotification;
import org.mvoting.infrastructure.push.PushDeliveryException;
import org.mvoting.infrastructure.push.PushGateway;
import org.mvoting.infrastructure.push.PushRejectedException;
import org.mvoting.infrastructure.push.PushSubscriptionGoneException;
import org.mvoting.infrastructure.push.PushTarget;

/**
 * The production Web Push adapter (RFC 8030): encrypts {"title","body","link"} for the subscription (RFC 8291)
 * and POSTs it to the subscription's endpoint at the browser's push service, signed with the city's VAPID key
 * (RFC 8292). 201 (any 2xx) is sent; 404 and 410 say the subscription is gone (the installation is removed);
 * 429, 5xx, a timeout or a network error is retried through the outbox; any other 4xx is refused for good.
 */
public class WebPushGateway implements PushGateway {

    /** How long the push service keeps a message for an offline phone: a day, then the poll has moved on. */
    public static final Duration TTL = Duration.ofHours(24);
    /** RFC 8030 §5.3: a new poll is worth waking the phone for, not worth draining its battery for. */
    public static final String URGENCY = "normal";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Supplier<Vapid> vapid;
    private final Clock clock;
    private final HttpClient client;

    /** {@code vapid} is asked for every message: keys changed in the running server take effect at once. */
    public WebPushGateway(Supplier<Vapid> vapid, Clock clock) {
        this.vapid = Objects.requireNonNull(vapid, "vapid");
        this.clock = Objects.requireNonNull(clock, "clock");
        // no redirects: a push service answers, it does not send the encrypted body elsewhere
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(UUID messageId, PushTarget target, PushNotification notification) {
        WebPushSubscription subscription;
        byte[] body;
        try {
            subscription = WebPushSubscription.parse(target.token());
            body = WebPushEncryption.encrypt(payload(notification), subscription.p256dh(), subscription.auth());
        } catch (IllegalArgumentException e) {
            throw new PushRejectedException("the Web Push subscription of " + target + " is unusable: " + e.getMessage());
        }
        Vapid signer = vapid.get();
        HttpRequest request = HttpRequest.newBuilder(subscription.endpoint())
                .timeout(TIMEOUT)
                .header("TTL", Long.toString(TTL.toSeconds()))
                .header("Urgency", URGENCY)
                .header("Content-Encoding", "aes128gcm")
                .header("Content-Type", "application/octet-stream")
                .header("Authorization", signer.authorization(subscription.endpoint(), clock.instant()))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        int status;
        try {
            status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new PushDeliveryException("push service " + subscription.endpoint().getHost() + " unreachable: "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushDeliveryException("interrupted while sending", e);
        }
        if (status / 100 == 2) {
            return;
        }
        if (status == 404 || status == 410) {
            throw new PushSubscriptionGoneException("push service answered HTTP " + status + ": subscription gone");
        }
        if (status == 429 || status / 100 == 5) {
            throw new PushDeliveryException("push service answered HTTP " + status);
        }
        throw new PushRejectedException("push service refused the message: HTTP " + status);
    }

    /**
     * What the service worker reads: the notification's JSON ({"title","body","link"}), its body shortened when the
     * whole would not fit in one push message (a 2000-character Korean body is 6000 bytes; the limit is ~4000).
     */
    static byte[] payload(PushNotification notification) {
        PushNotification fitted = notification;
        byte[] json = fitted.toJson().getBytes(StandardCharsets.UTF_8);
        while (json.length > WebPushEncryption.MAX_PLAINTEXT && !fitted.body().isEmpty()) {
            int excessChars = Math.max(1, (json.length - WebPushEncryption.MAX_PLAINTEXT) / 3); // ≤ 3 bytes a char in BMP
            String body = fitted.body();
            String shorter = body.substring(0, Math.max(0, body.length() - excessChars - 1));
            if (!shorter.isEmpty() && Character.isHighSurrogate(shorter.charAt(shorter.length() - 1))) {
                shorter = shorter.substring(0, shorter.length() - 1);
            }
            fitted = new PushNotification(fitted.title(), shorter.isEmpty() ? "" : shorter + "…", fitted.link());
            json = fitted.toJson().getBytes(StandardCharsets.UTF_8);
        }
        return json;
    }
}
