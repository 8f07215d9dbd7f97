package org.mvoting.domain.messaging;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.util.Objects;

/**
 * What a push notification says: a title, a body and the link the app opens. In the outbox it is kept as a small
 * JSON object, {"title","body","link"}.
 */
public record PushNotification(String title, String body, String link) {

    public static final int TITLE_LENGTH = 300;
    public static final int LINK_LENGTH = 500;

    public PushNotification {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(body, "body");
        title = clip(title, TITLE_LENGTH);
        if (link != null && link.length() > LINK_LENGTH) {
            throw new IllegalArgumentException("link longer than " + LINK_LENGTH);
        }
    }

    public String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder().add("title", title).add("body", body);
        if (link != null) {
            json.add("link", link);
        }
        return json.build().toString();
    }

    public static PushNotification fromJson(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            JsonObject o = reader.readObject();
            return new PushNotification(o.getString("title"), o.getString("body"), o.getString("link", null));
        } catch (JsonException | ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a push notification: " + json, e);
        }
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
