package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Push notifications end to end on the local adapter (MVOTING_PUSH_ADAPTER=local): an app installation registers
 * its token with the citizen's bearer token; opening a city-to-citizen poll puts a PUSH message in the outbox for
 * every installation that may vote in it, and the local adapter records it in local_push_message.
 */
@ExtendWith(ArquillianExtension.class)
class PushIT {

    private static final long PATIENCE_MILLIS = 20_000;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static JsonObject registration(String platform, String token) {
        return Json.createObjectBuilder().add("platform", platform).add("token", token).build();
    }

    private static String newPushToken() {
        return "it-push-" + UUID.randomUUID();
    }

    /** Registers an installation and returns its id. */
    private static String register(String bearer, String platform, String pushToken) {
        Api.Reply reply = Api.post("/me/push-installations", registration(platform, pushToken), "Authorization", bearer);
        assertEquals(201, reply.status(), reply.body());
        String id = reply.json().getString("id");
        assertTrue(reply.header("Location").endsWith("/me/push-installations/" + id), reply.header("Location"));
        return id;
    }

    @Test
    void anOpenPollReachesEveryInstallationAndAnUnregisteredOneNoMore() {
        String bearer = "Bearer " + Citizens.signIn(Citizens.newPhone());
        String pushToken = newPushToken();
        String installation = register(bearer, "ANDROID", pushToken);
        assertEquals(installation, register(bearer, "android", pushToken), "the same token keeps its installation");
        assertEquals(1, Database.count("SELECT count(*) FROM push_installation WHERE id = ?::uuid", installation));

        JsonObject poll = Polls.open(Polls.draft("푸시 알림 시험", "OPEN", "LIVE", Polls.question("YES_NO", "찬성?")));
        String pollId = poll.getString("id");
        List<Object> message = awaitPush(installation, pollId);
        assertEquals("새 투표: 푸시 알림 시험", message.get(0));
        assertTrue(((String) message.get(1)).contains("까지"), (String) message.get(1));
        assertEquals("/m/#/polls/" + pollId, message.get(2));
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'poll.push' AND target = ?", pollId));
        assertEquals(0, Database.count("SELECT count(*) FROM outbox_message WHERE channel = 'PUSH' AND body LIKE ?",
                "%" + pushToken + "%"), "the token never sits in the outbox");

        // what the local adapter kept can be read by ADMIN staff, and only by them
        JsonArray kept = Api.get("/admin/local-push?installation=" + installation, "Authorization", Api.SYSADMIN).jsonArray();
        assertEquals("새 투표: 푸시 알림 시험", kept.getJsonObject(0).getString("title"));
        assertEquals(403, Api.get("/admin/local-push?installation=" + installation, "Authorization", Api.OPERATOR).status());
        assertEquals(400, Api.get("/admin/local-push?installation=nonsense", "Authorization", Api.SYSADMIN).status());

        // unregistered: the next poll does not reach it (another installation shows the next poll's messages went out)
        String witness = register("Bearer " + Citizens.signIn(Citizens.newPhone()), "IOS", newPushToken());
        assertEquals(204, Api.send("DELETE", "/me/push-installations/" + installation, null, "Authorization", bearer).status());
        assertEquals(0, Database.count("SELECT count(*) FROM push_installation WHERE id = ?::uuid", installation));
        Api.send("DELETE", "/me/push-installations/" + installation, null, "Authorization", bearer)
                .assertProblem(404, "push-installation-not-found");
        String next = Polls.open(Polls.draft("두 번째 푸시 시험", "OPEN", "LIVE", Polls.question("YES_NO", "찬성?"))).getString("id");
        awaitPush(witness, next);
        assertEquals(0, pushes(installation, next), "an unregistered installation gets nothing");
        assertEquals(1, pushes(installation, pollId), "what it got before stays on record");
    }

    @Test
    void aListedPollReachesOnlyListedPhones() {
        String listedPhone = Citizens.newPhone();
        String outsiderPhone = Citizens.newPhone();
        Map<String, String> tokens = Citizens.signIn(List.of(listedPhone, outsiderPhone));
        String listed = register("Bearer " + tokens.get(listedPhone), "WEB", newPushToken());
        String outsider = register("Bearer " + tokens.get(outsiderPhone), "ANDROID", newPushToken());
        // the same citizen's second app asks for English notifications
        Api.Reply english = Api.post("/me/push-installations", Json.createObjectBuilder().add("platform", "IOS")
                .add("token", newPushToken()).add("language", "en").build(), "Authorization", "Bearer " + tokens.get(listedPhone));
        assertEquals(201, english.status(), english.body());
        String listedInEnglish = english.json().getString("id");

        JsonObject poll = Polls.createDraft(Polls.draft("명단 푸시 시험", "LISTED", "LIVE", Polls.question("YES_NO", "참석?")));
        String pollId = poll.getString("id");
        Api.Reply list = Api.put("/admin/polls/" + pollId + "/listed-voters", Json.createObjectBuilder()
                .add("phones", Json.createArrayBuilder().add(listedPhone)).build(), "Authorization", Api.OPERATOR);
        assertEquals(200, list.status(), list.body());
        Polls.publish(poll);

        assertEquals("새 투표: 명단 푸시 시험", awaitPush(listed, pollId).get(0));
        List<Object> inEnglish = awaitPush(listedInEnglish, pollId);
        assertEquals("New poll: 명단 푸시 시험", inEnglish.get(0));
        assertTrue(((String) inEnglish.get(1)).contains("Open until"), (String) inEnglish.get(1));
        assertEquals(0, pushes(outsider, pollId), "a citizen who is not listed is not told");
        assertEquals(0, Database.count("SELECT count(*) FROM outbox_message WHERE recipient = ? AND channel = 'PUSH'"
                + " AND created_at >= (SELECT published_at FROM poll WHERE id = ?::uuid)", outsider, pollId),
                "nothing was even written for them");
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'poll.push' AND target = ?"
                + " AND detail = 'app installations notified: 2'", pollId), "the audit names how many were notified");
    }

    @Test
    void aStaffPollNotifiesNoCitizen() {
        String installation = register("Bearer " + Citizens.signIn(Citizens.newPhone()), "ANDROID", newPushToken());
        JsonObject draft = Polls.createDraft(Polls.draft("직원 푸시 없음", "ORG_UNITS", "LIVE", Polls.question("YES_NO", "예?"))
                .add("kind", "CITY_TO_STAFF"));
        String pollId = draft.getString("id");
        assertEquals(200, Api.put("/admin/polls/" + pollId + "/audience", Json.createObjectBuilder()
                .add("units", Json.createArrayBuilder().add(Polls.DEPARTMENT)).add("people", Json.createArrayBuilder()).build(),
                "Authorization", Api.OPERATOR).status());
        Polls.publish(draft);

        assertEquals(0, Database.count("SELECT count(*) FROM audit_event WHERE action = 'poll.push' AND target = ?", pollId));
        assertEquals(0, Database.count("SELECT count(*) FROM local_push_message WHERE link = ?", "/m/#/polls/" + pollId));
        assertEquals(0, pushes(installation, pollId));
    }

    @Test
    void refusalsAreProblems() {
        String mine = "Bearer " + Citizens.signIn(Citizens.newPhone());
        String theirs = "Bearer " + Citizens.signIn(Citizens.newPhone());
        Api.post("/me/push-installations", registration("WINDOWS_PHONE", newPushToken()), "Authorization", mine)
                .assertProblem(422, "push-platform-invalid");
        Api.post("/me/push-installations", registration("ANDROID", "   "), "Authorization", mine)
                .assertProblem(422, "push-token-invalid");
        Api.post("/me/push-installations", registration("ANDROID", "t".repeat(4097)), "Authorization", mine)
                .assertProblem(422, "push-token-invalid");
        Api.post("/me/push-installations", registration("ANDROID", newPushToken()))
                .assertProblem(401, "token-missing");

        String their = register(theirs, "IOS", newPushToken());
        Api.send("DELETE", "/me/push-installations/" + their, null, "Authorization", mine)
                .assertProblem(404, "push-installation-not-found");
        assertEquals(1, Database.count("SELECT count(*) FROM push_installation WHERE id = ?::uuid", their),
                "someone else's installation stays");
        Api.send("DELETE", "/me/push-installations/not-an-id", null, "Authorization", mine)
                .assertProblem(404, "push-installation-not-found");
        assertEquals(204, Api.send("DELETE", "/me/push-installations/" + their, null, "Authorization", theirs).status());
    }

    /** The pair the IT server is configured with (mvoting-ear/pom.xml). */
    private static final String VAPID_PUBLIC_KEY =
            "BG_HwdPxGefvy3_LicJAccbV_NHixGPOJl8xnoXOWx9ggBvmw9O3hbpvTG2XArSCV100BXELMmpeU3JdXseCW5w";
    /** An uncompressed P-256 point (RFC 8291's example browser key) and a 16-byte auth secret, as a browser gives them. */
    private static final String P256DH =
            "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";
    private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";

    private static JsonObject subscription(String endpoint, String p256dh, String auth) {
        return Json.createObjectBuilder().add("endpoint", endpoint).addNull("expirationTime")
                .add("keys", Json.createObjectBuilder().add("p256dh", p256dh).add("auth", auth)).build();
    }

    @Test
    void aBrowserSubscribesWithTheCitysVapidKeyAndIsNotifiedOfANewPoll() {
        String bearer = "Bearer " + Citizens.signIn(Citizens.newPhone());
        Api.Reply key = Api.get("/me/web-push-subscriptions/key", "Authorization", bearer);
        assertEquals(200, key.status(), key.body());
        assertEquals(VAPID_PUBLIC_KEY, key.json().getString("publicKey"));

        String endpoint = "https://fcm.googleapis.com/fcm/send/it-" + UUID.randomUUID();
        Api.Reply reply = Api.post("/me/web-push-subscriptions", subscription(endpoint, P256DH, AUTH), "Authorization", bearer);
        assertEquals(201, reply.status(), reply.body());
        String installation = reply.json().getString("id");
        assertTrue(reply.header("Location").endsWith("/me/push-installations/" + installation), reply.header("Location"));
        assertEquals(1, Database.count("SELECT count(*) FROM push_installation WHERE id = ?::uuid AND platform = 'WEB'"
                + " AND token LIKE ?", installation, "%" + endpoint + "%"));
        assertEquals(installation, Api.post("/me/web-push-subscriptions", subscription(endpoint, P256DH, AUTH),
                "Authorization", bearer).json().getString("id"), "subscribing again keeps the installation");

        String pollId = Polls.open(Polls.draft("웹 푸시 시험", "OPEN", "LIVE", Polls.question("YES_NO", "찬성?"))).getString("id");
        assertEquals("새 투표: 웹 푸시 시험", awaitPush(installation, pollId).get(0));

        assertEquals(204, Api.send("DELETE", "/me/push-installations/" + installation, null, "Authorization", bearer).status());
    }

    @Test
    void aSubscriptionThatIsNotABrowsersIsRefused() {
        String bearer = "Bearer " + Citizens.signIn(Citizens.newPhone());
        String fcm = "https://fcm.googleapis.com/fcm/send/it-" + UUID.randomUUID();
        for (JsonObject bad : List.of(
                subscription("http://fcm.googleapis.com/fcm/send/x", P256DH, AUTH), // not https
                subscription("https://127.0.0.1:9990/management", P256DH, AUTH), // not a push service: the city's own host
                subscription("https://fcm.googleapis.com.evil.example/x", P256DH, AUTH),
                subscription("https://user@fcm.googleapis.com/x", P256DH, AUTH),
                subscription(fcm, P256DH.substring(0, 40), AUTH), // key too short
                subscription(fcm, "A" + P256DH.substring(1), AUTH), // not an uncompressed point
                subscription(fcm, P256DH, "c2hvcnQ"), // auth of 5 bytes
                subscription(fcm, "not base64!", AUTH),
                subscription("https://fcm.googleapis.com/" + "x".repeat(2100), P256DH, AUTH),
                Json.createObjectBuilder().add("endpoint", fcm).build())) {
            Api.post("/me/web-push-subscriptions", bad, "Authorization", bearer).assertProblem(422, "push-subscription-invalid");
        }
        Api.post("/me/web-push-subscriptions", subscription(fcm, P256DH, AUTH)).assertProblem(401, "token-missing");
        Api.get("/me/web-push-subscriptions/key").assertProblem(401, "token-missing");
        assertEquals(0, Database.count("SELECT count(*) FROM push_installation WHERE token LIKE ?", "%" + fcm + "%"));
    }

    @Test
    void aTokenRegisteredAgainByAnotherCitizenMovesToThem() {
        String first = "Bearer " + Citizens.signIn(Citizens.newPhone());
        String second = "Bearer " + Citizens.signIn(Citizens.newPhone());
        String pushToken = newPushToken();
        String installation = register(first, "ANDROID", pushToken);

        assertEquals(installation, register(second, "ANDROID", pushToken), "one token, one installation");
        Api.send("DELETE", "/me/push-installations/" + installation, null, "Authorization", first)
                .assertProblem(404, "push-installation-not-found");
        assertEquals(204, Api.send("DELETE", "/me/push-installations/" + installation, null, "Authorization", second).status());
    }

    /** Waits (up to 20 s) for the local adapter's record of the poll's notification to the installation. */
    private static List<Object> awaitPush(String installation, String pollId) {
        long deadline = System.currentTimeMillis() + PATIENCE_MILLIS;
        while (true) {
            List<List<Object>> rows = Database.rows("SELECT title, body, link FROM local_push_message"
                    + " WHERE installation_id = ?::uuid AND link = ?", installation, "/m/#/polls/" + pollId);
            if (!rows.isEmpty()) {
                assertEquals(1, rows.size(), "one notification per installation and poll");
                return rows.get(0);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no push notification for installation " + installation + " about poll " + pollId);
            }
            Citizens.sleep(200);
        }
    }

    private static long pushes(String installation, String pollId) {
        return Database.count("SELECT count(*) FROM local_push_message WHERE installation_id = ?::uuid AND link = ?",
                installation, "/m/#/polls/" + pollId);
    }
}
