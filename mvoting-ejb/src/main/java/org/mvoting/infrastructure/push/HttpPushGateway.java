package org.mvoting.infrastructure.push;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.mvoting.domain.messaging.PushNotification;

/**
 * The production adapter: POSTs {"messageId","token","title","body","link"} as JSON to the city's push gateway with
 * a bearer API key and the message id as Idempotency-Key. 2xx is sent; 4xx is a refusal that a retry would not
 * change (an unknown token, a bad key); 5xx, a timeout or a network error is retried.
 */
public class HttpPushGateway implements PushGateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final String apiKey;
    private final HttpClient client;

    public HttpPushGateway(URI endpoint, String apiKey) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.apiKey = apiKey;
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public void send(UUID messageId, PushTarget target, PushNotification notification) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("messageId", messageId.toString())
                .add("token", target.token())
                .add("title", notification.title())
                .add("body", notification.body());
        if (notification.link() != null) {
            json.add("link", notification.link());
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
            throw new PushDeliveryException("push gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PushDeliveryException("interrupted while sending", e);
        }
        if (status / 100 == 4) {
            throw new PushRejectedException("push gateway refused the notification: HTTP " + status);
        }
        if (status / 100 != 2) {
            throw new PushDeliveryException("push gateway answered HTTP " + status);
        }
    }
}
