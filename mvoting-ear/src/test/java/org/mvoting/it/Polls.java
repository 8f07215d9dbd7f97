package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Polls made through the administration API, as an operator would. */
final class Polls {

    /** 정보통신과 in the demo directory: it.operator drafts, it.head approves. */
    static final String DEPARTMENT = "DEPT-IT";

    private Polls() {
    }

    /** The department exists once the org chart has been synced from the directory. */
    static void ensureDepartment() {
        Directory.ensureSynced();
    }

    static JsonObjectBuilder question(String type, String text, String... options) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        for (String o : options) {
            labels.add(o);
        }
        return Json.createObjectBuilder().add("type", type).add("text", text).add("options", labels);
    }

    static JsonObjectBuilder draft(String title, String audience, String visibility, JsonObjectBuilder... questions) {
        JsonArrayBuilder qs = Json.createArrayBuilder();
        for (JsonObjectBuilder q : questions) {
            qs.add(q);
        }
        Instant now = Instant.now();
        return Json.createObjectBuilder()
                .add("departmentCode", DEPARTMENT)
                .add("title", title)
                .add("opensAt", now.minus(Duration.ofMinutes(1)).toString())
                .add("closesAt", now.plus(Duration.ofDays(1)).toString())
                .add("audience", audience)
                .add("resultsVisibility", visibility)
                .add("questions", qs);
    }

    static JsonObject createDraft(JsonObjectBuilder draft) {
        ensureDepartment();
        Api.Reply reply = Api.post("/admin/polls", draft.build(), "Authorization", Api.OPERATOR);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    /** The operator submits, the head approves: the poll opens. Returns the poll as drafted (with its ids). */
    static JsonObject publish(JsonObject poll) {
        Api.Reply submitted = Api.post("/admin/polls/" + poll.getString("id") + "/submit", null, "Authorization", Api.OPERATOR);
        assertEquals(200, submitted.status(), submitted.body());
        assertEquals("PENDING_APPROVAL", submitted.json().getString("status"));
        Api.Reply approved = Api.post("/admin/polls/" + poll.getString("id") + "/approve", null, "Authorization", Api.HEAD);
        assertEquals(200, approved.status(), approved.body());
        assertEquals("OPEN", approved.json().getString("status"));
        return poll;
    }

    static JsonObject open(JsonObjectBuilder draft) {
        return publish(createDraft(draft));
    }

    static JsonObject close(String pollId) {
        Api.Reply reply = Api.post("/admin/polls/" + pollId + "/close", null, "Authorization", Api.OPERATOR);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    static long questionId(JsonObject poll, int index) {
        return poll.getJsonArray("questions").getJsonObject(index).getJsonNumber("id").longValue();
    }

    static List<Long> optionIds(JsonObject poll, int index) {
        List<Long> ids = new ArrayList<>();
        poll.getJsonArray("questions").getJsonObject(index).getJsonArray("options")
                .forEach(o -> ids.add(o.asJsonObject().getJsonNumber("id").longValue()));
        return ids;
    }

    /** {"answers":[{"questionId":q,"optionIds":[...]}]} for a one-question poll. */
    static JsonObject ballot(long questionId, long... optionIds) {
        JsonArrayBuilder options = Json.createArrayBuilder();
        for (long o : optionIds) {
            options.add(o);
        }
        return Json.createObjectBuilder().add("answers", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("questionId", questionId).add("optionIds", options))).build();
    }
}
