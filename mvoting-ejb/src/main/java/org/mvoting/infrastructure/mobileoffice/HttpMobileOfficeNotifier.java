package org.mvoting.infrastructure.mobileoffice;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.mvoting.domain.messaging.PushNotification;

/**
 * The production adapter: POSTs {"messageId","recipients":[staff ids],"title","body","link"} as JSON to the mobile
 * office's notification endpoint (MVOTING_MOBILE_OFFICE_NOTIFY_URL) with a bearer key
 * (MVOTING_MOBILE_OFFICE_NOTIFY_KEY) and the message id as Idempotency-Key, so a redelivery after a lost answer is
 * one notice, not two. 2xx is sent; 4xx is a refusal a retry would not change; 5xx, a timeout or a network error is
 * retried (by the outbox queue's redelivery).
 */
public class HttpMobileOfficeNotifier implements MobileOfficeNotifier {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final String apiKey;
    private final HttpClient client;

    public HttpMobileOfficeNotifier(URI endpoint, String apiKey) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.apiKey = apiKey;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public void send(UUID messageId, List<String> staffIds, PushNotification notice) {
        JsonArrayBuilder recipients = Json.createArrayBuilder();
        staffIds.forEach(recipients::add);
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("messageId", messageId.toString())
                .add("recipients", recipients)
                .add("title", notice.title())
                .add("body", notice.body());
        if (notice.link() != null) {
            json.add("link", notice.link());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", messageId.toString())
                .POST(HttpRequest.BodyPublishers.ofString(json.build().toString()));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        int status;
        try {
            status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new MobileOfficeDeliveryException("mobile office unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MobileOfficeDeliveryException("interrupted while sending", e);
        }
        if (status / 100 == 4) {
            throw new MobileOfficeRejectedException("mobile office refused the notice: HTTP " + status);
        }
        if (status / 100 != 2) {
            throw new MobileOfficeDeliveryException("mobile office answered HTTP " + status);
        }
    }
}
