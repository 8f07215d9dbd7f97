package org.mvoting.infrastructure.webpush;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;

/**
 * A browser's push subscription as the push installation's token keeps it: {"endpoint","p256dh","auth"}. Written
 * by the domain when a citizen subscribes (PushInstallation.webPushToken), read here when a push goes out.
 */
public record WebPushSubscription(URI endpoint, byte[] p256dh, byte[] auth) {

    /** Whether an installation token is a Web Push subscription (rather than a gateway token). */
    public static boolean isSubscription(String token) {
        return token.startsWith("{");
    }

    /** Reads a subscription token; a malformed one is an {@link IllegalArgumentException}. */
    public static WebPushSubscription parse(String token) {
        try {
            JsonObject json = Json.createReader(new StringReader(token)).readObject();
            return new WebPushSubscription(URI.create(json.getString("endpoint")),
                    P256.fromBase64Url(json.getString("p256dh")), P256.fromBase64Url(json.getString("auth")));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a Web Push subscription", e);
        }
    }

    @Override
    public String toString() {
        return "WebPushSubscription[" + endpoint.getHost() + "]"; // the endpoint is a capability: kept out of logs
    }
}
