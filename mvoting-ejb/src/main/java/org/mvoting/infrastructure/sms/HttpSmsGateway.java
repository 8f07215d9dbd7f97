package org.mvoting.infrastructure.sms;

import jakarta.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;

/**
 * The production adapter: POSTs {"messageId","to","from","text"} as JSON to the city's SMS gateway with a
 * bearer API key. Any answer but 2xx, a timeout or a network error counts as not delivered.
 */
public class HttpSmsGateway implements SmsGateway {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI endpoint;
    private final String apiKey;
    private final String sender;
    private final HttpClient client;

    public HttpSmsGateway(URI endpoint, String apiKey, String sender) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.apiKey = apiKey;
        this.sender = Objects.requireNonNull(sender, "sender");
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    @Override
    public void send(UUID messageId, String recipientE164, String text) {
        String json = Json.createObjectBuilder()
                .add("messageId", messageId.toString())
                .add("to", recipientE164)
                .add("from", sender)
                .add("text", text)
                .build().toString();
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .timeout(TIMEOUT)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Idempotency-Key", messageId.toString())
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (apiKey != null && !apiKey.isBlank()) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new SmsDeliveryException("SMS gateway answered HTTP " + response.statusCode());
            }
        } catch (IOException e) {
            throw new SmsDeliveryException("SMS gateway unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsDeliveryException("interrupted while sending", e);
        }
    }
}
