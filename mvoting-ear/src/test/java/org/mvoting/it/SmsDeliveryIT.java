package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The production SMS path end to end: the running server is switched (system properties through the
 * management API, as an operator would) to the HTTP adapter, pointed at a gateway played by this test.
 * A gateway that keeps failing gets the message redelivered until the queue's attempts run out, then it
 * lands in the dead-letter queue and is marked FAILED; a working gateway receives the code. A LISTED poll's
 * invitations take the same path, one per listed number, under the per-number daily limit.
 */
@ExtendWith(ArquillianExtension.class)
class SmsDeliveryIT {

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @ArquillianResource
    private ManagementClient management;

    private HttpServer gateway;
    private final AtomicInteger answer = new AtomicInteger(503);
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void startGatewayAndSwitchTheServerToIt() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/sms", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(Json.createReader(new StringReader(body)).readObject());
            idempotencyKeys.add(exchange.getRequestHeaders().getFirst("Idempotency-Key"));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        gateway.start();
        setProperty("mvoting.sms.adapter", "http");
        setProperty("mvoting.sms.gateway.url", "http://127.0.0.1:" + gateway.getAddress().getPort() + "/sms");
    }

    @AfterEach
    void switchBackToTheLocalAdapter() throws IOException {
        removeProperty("mvoting.sms.adapter");
        removeProperty("mvoting.sms.gateway.url");
        gateway.stop(0);
    }

    @Test
    void aFailingGatewayIsRetriedThenDeadLetteredAndAWorkingOneGetsTheCode() {
        // 1. The gateway answers 503 every time.
        String unlucky = Citizens.newPhone();
        assertEquals(202, Api.post("/auth/codes", Json.createObjectBuilder().add("phone", unlucky).build()).status());
        String outboxId = firstMessageIdSeenByTheGateway();
        // while it waits for the next attempt, the outbox shows the number masked and keeps it only encrypted
        List<Object> waiting = Database.rows("SELECT recipient, recipient_sealed FROM outbox_message WHERE id = ?::uuid",
                outboxId).get(0);
        assertEquals("*".repeat(unlucky.length() - 4) + unlucky.substring(unlucky.length() - 4), waiting.get(0));
        assertFalse(new String((byte[]) waiting.get(1), StandardCharsets.ISO_8859_1).contains(unlucky.substring(3)));
        List<Object> row = awaitStatus(outboxId, "FAILED", 90_000);
        assertEquals(0, Database.count("SELECT count(*) FROM outbox_message WHERE id = ?::uuid AND recipient_sealed IS NOT NULL",
                outboxId), "given up: the encrypted number goes too");
        assertEquals(5, ((Number) row.get(1)).intValue(), "MVOTING_OUTBOX_MAX_ATTEMPTS deliveries were tried");
        assertEquals(5, received.size(), "the gateway saw every attempt");
        assertTrue(idempotencyKeys.stream().allMatch(outboxId::equals), "every attempt carried the message id");
        assertEquals(unlucky, received.get(0).getString("to"));
        assertFalse(((String) row.get(2)).contains(unlucky.substring(3)), "a failed message keeps no full number");
        assertEquals(0, Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ?", unlucky),
                "nothing was faked as delivered");

        // 2. The gateway works again: the next code goes out and signs the citizen in.
        answer.set(200);
        received.clear();
        idempotencyKeys.clear();
        String lucky = Citizens.newPhone();
        assertEquals(202, Api.post("/auth/codes", Json.createObjectBuilder().add("phone", lucky).build()).status());
        awaitStatus(firstMessageIdSeenByTheGateway(), "SENT", 30_000);
        assertEquals(1, received.size());
        assertEquals(lucky, received.get(0).getString("to"));
        Matcher code = CODE.matcher(received.get(0).getString("text"));
        assertTrue(code.find(), received.get(0).toString());
        Api.Reply token = Api.post("/auth/tokens", Json.createObjectBuilder().add("phone", lucky)
                .add("code", code.group(1)).build());
        assertEquals(201, token.status(), token.body());
    }

    @Test
    void listedCitizensGetOneInvitationEachThroughTheGatewayUnderThePerNumberLimit() throws IOException {
        answer.set(200);
        String a = Citizens.newPhone();
        String b = Citizens.newPhone();
        String busy = Citizens.newPhone(); // already had today's campaign message from another poll
        setProperty("mvoting.sms.campaign.per.number.per.day", "1");
        try {
            JsonObject other = listedPoll("다른 초대", List.of(busy));
            Polls.publish(other);
            assertEquals(1, Api.post("/admin/polls/" + other.getString("id") + "/invitations", null,
                    "Authorization", Api.OPERATOR).json().getInt("queued"), "one invitation queued");
            awaitInvitations(other.getString("id"), 1, 0);

            // voting begins in an hour: invitations go out now, and the list may still change (back to the approver)
            JsonObject poll = listedPoll("초대 문자 시험", List.of(a, b, busy), java.time.Instant.now().plus(java.time.Duration.ofHours(1)));
            String id = poll.getString("id");
            // the numbers are kept encrypted and shown masked
            for (List<Object> row : Database.rows("SELECT phone_sealed, phone_masked FROM poll_listed_voter WHERE poll_id = ?::uuid", id)) {
                String sealed = new String((byte[]) row.get(0), StandardCharsets.ISO_8859_1);
                for (String phone : List.of(a, b, busy)) {
                    assertFalse(sealed.contains(phone.substring(3)), "a number stored in clear");
                }
                assertTrue(((String) row.get(1)).matches("010-\\*{4}-\\d{4}"), row.get(1).toString());
            }
            Api.post("/admin/polls/" + id + "/invitations", null, "Authorization", Api.OPERATOR)
                    .assertProblem(422, "poll-invitations-need-open-poll");
            Polls.publish(poll);
            Api.post("/admin/polls/" + id + "/invitations", null, "Authorization", Api.basic("it.staff1"))
                    .assertProblem(403, "role-required");
            Api.post("/admin/polls/" + id + "/invitations", null, "Authorization", Api.basic("econ.operator"))
                    .assertProblem(403, "staff-not-operator-of");
            JsonObject listed = Api.get("/admin/polls/" + id + "/listed-voters", "Authorization", Api.OPERATOR).json();
            assertEquals(3, listed.getInt("total"));
            assertTrue(listed.getJsonArray("items").stream().allMatch(i -> "NOT_INVITED".equals(
                    i.asJsonObject().getString("invitation"))), listed.toString());
            for (String phone : List.of(a, b, busy)) {
                assertFalse(listed.toString().contains(phone.substring(5)), "a full number shown: " + listed);
            }

            received.clear();
            JsonObject queued = Api.post("/admin/polls/" + id + "/invitations", null, "Authorization", Api.OPERATOR).json();
            assertEquals(3, queued.getInt("listed"));
            JsonObject done = awaitInvitations(id, 2, 1);
            assertEquals(0, done.getInt("notInvited"));
            assertEquals(2, received.size(), "the number over its daily limit was not messaged");
            String code = Api.get("/admin/polls/" + id, "Authorization", Api.OPERATOR).json().getString("shortCode");
            for (JsonObject sms : received) {
                assertTrue(List.of(a, b).contains(sms.getString("to")), sms.toString());
                assertTrue(sms.getString("text").contains("/p/" + code), sms.toString());
                assertTrue(sms.getString("text").contains("초대 문자 시험"), sms.toString());
            }
            JsonObject failed = Api.get("/admin/polls/" + id + "/listed-voters", "Authorization", Api.OPERATOR).json()
                    .getJsonArray("items").stream().map(v -> v.asJsonObject())
                    .filter(i -> "FAILED".equals(i.getString("invitation"))).findFirst().orElseThrow();
            assertEquals("per-number-limit", failed.getString("failure"));
            assertEquals(busy.substring(busy.length() - 4), failed.getString("phone").substring(failed.getString("phone").length() - 4));

            // sending again retries only the failed one (still over its limit today); the others get nothing twice
            received.clear();
            Api.post("/admin/polls/" + id + "/invitations", null, "Authorization", Api.OPERATOR);
            awaitInvitations(id, 2, 1);
            Citizens.sleep(1000);
            assertEquals(0, received.size());
            assertEquals(2, Database.count("SELECT count(*) FROM audit_event WHERE action = 'poll.invite-listed' AND target = ?", id));

            // replacing the list keeps who was invited: only the new number gets one, once the head approved the new list
            String late = Citizens.newPhone();
            Api.Reply replaced = Api.put("/admin/polls/" + id + "/listed-voters", Json.createObjectBuilder()
                    .add("phones", Json.createArrayBuilder().add(a).add(b).add(busy).add(late)).build(), "Authorization", Api.OPERATOR);
            assertEquals(200, replaced.status(), replaced.body());
            Api.post("/admin/polls/" + id + "/invitations", null, "Authorization", Api.OPERATOR)
                    .assertProblem(422, "poll-invitations-need-open-poll");
            assertEquals(200, Api.post("/admin/polls/" + id + "/approve", null, "Authorization", Api.HEAD).status());
            received.clear();
            Api.post("/admin/polls/" + id + "/invitations", null, "Authorization", Api.OPERATOR);
            awaitInvitations(id, 3, 1);
            Citizens.sleep(1000);
            assertEquals(List.of(late), received.stream().map(m -> m.getString("to")).toList());
        } finally {
            removeProperty("mvoting.sms.campaign.per.number.per.day");
        }
    }

    @Test
    void twoSendsAtOnceInviteEachNumberOnceAndNobodyWhoHasVoted() throws Exception {
        answer.set(200);
        String voted = Citizens.newPhone();
        List<String> others = List.of(Citizens.newPhone(), Citizens.newPhone());
        JsonObject poll = listedPoll("동시 발송 시험", List.of(voted, others.get(0), others.get(1)));
        String id = poll.getString("id");
        Polls.publish(poll);
        assertEquals(201, Api.send("POST", "/polls/" + id + "/ballots",
                Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(0)).toString(),
                "Authorization", "Bearer " + signInThroughTheGateway(voted), "Idempotency-Key",
                java.util.UUID.randomUUID().toString()).status());
        received.clear();

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> sends = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                sends.add(pool.submit(() -> {
                    start.await();
                    return Api.post("/admin/polls/" + id + "/invitations", null, "Authorization", Api.OPERATOR).status();
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<Integer> send : sends) {
                assertEquals(200, send.get());
            }
        } finally {
            pool.shutdown();
        }
        JsonObject progress = awaitInvitations(id, 2, 0);
        assertEquals(1, progress.getInt("notInvited"), "the one who voted is never invited");
        Citizens.sleep(1000);
        assertEquals(new java.util.HashSet<>(others), new java.util.HashSet<>(received.stream().map(m -> m.getString("to")).toList()));
        assertEquals(2, received.size(), "one SMS per number, however many clicks");
    }

    @Test
    void citizensInvitationsCarryAnOptOutThatEveryCitizenPollHonours() throws IOException {
        answer.set(200);
        String proposer = signInThroughTheGateway(Citizens.newPhone());
        String x = Citizens.newPhone();
        String y = Citizens.newPhone();
        String first = citizenPoll(proposer, "반상회 안건 투표", List.of(x, y));
        received.clear();
        Api.Reply sent = Api.post("/citizen-polls/" + first + "/invitations", null, "Authorization", "Bearer " + proposer);
        assertEquals(200, sent.status(), sent.body());
        awaitCitizenInvitations(first, 2);
        String code = shortCodeOf(first);
        JsonObject toX = received.stream().filter(m -> x.equals(m.getString("to"))).findFirst().orElseThrow();
        assertTrue(toX.getString("text").contains("/p/" + code), toX.toString());
        Matcher optOut = Pattern.compile("opt-out\\.html\\?t=([A-Za-z0-9_-]+)").matcher(toX.getString("text"));
        assertTrue(optOut.find(), "every invitation carries an opt-out link: " + toX);

        Api.post("/citizen-polls/opt-outs/nosuchtoken0000", null).assertProblem(404, "opt-out-not-found");
        assertEquals(204, Api.post("/citizen-polls/opt-outs/" + optOut.group(1), null).status(), "no sign-in needed");

        // the proposer's own list: masked, with each number's state; more people can be added (deduplicated)
        JsonObject list = Api.get("/citizen-polls/" + first + "/invitees", "Authorization", "Bearer " + proposer).json();
        assertEquals(2, list.getInt("total"));
        assertFalse(list.toString().contains(x.substring(5)) || list.toString().contains(y.substring(5)), list.toString());
        assertTrue(list.getJsonArray("items").stream().allMatch(i -> "SENT".equals(i.asJsonObject().getString("invitation"))));
        String z = Citizens.newPhone();
        assertEquals(3, Api.post("/citizen-polls/" + first + "/invitees", Json.createObjectBuilder()
                .add("phones", Json.createArrayBuilder().add(z).add(y)).build(), "Authorization", "Bearer " + proposer)
                .json().getInt("listed"));
        Api.post("/citizen-polls/" + first + "/invitees", Json.createObjectBuilder()
                .add("phones", Json.createArrayBuilder().add("02-123-4567")).build(), "Authorization", "Bearer " + proposer)
                .assertProblem(422, "phone-invalid");

        // anyone's next citizen poll skips the number that opted out
        String other = signInThroughTheGateway(Citizens.newPhone());
        String second = citizenPoll(other, "놀이터 이름 정하기", List.of(x, y));
        received.clear();
        JsonObject progress = Api.post("/citizen-polls/" + second + "/invitations", null, "Authorization", "Bearer " + other).json();
        assertEquals(1, progress.getInt("notInvited"), "the opted-out number is left alone");
        awaitCitizenInvitations(second, 1);
        Citizens.sleep(500);
        assertEquals(List.of(y), received.stream().map(m -> m.getString("to")).filter(to -> !to.equals(other)).toList());

        // a citizen sends only so many invitations a day: the whole batch is refused past it
        setProperty("mvoting.citizen.invitations.per.day", "3");
        try {
            String third = citizenPoll(proposer, "텃밭 모임 날짜", List.of(Citizens.newPhone(), Citizens.newPhone()));
            Api.post("/citizen-polls/" + third + "/invitations", null, "Authorization", "Bearer " + proposer)
                    .assertProblem(429, "rate-limited-citizen-invitations");
        } finally {
            removeProperty("mvoting.citizen.invitations.per.day");
        }
        Api.post("/citizen-polls/" + first + "/invitations", null, "Authorization", "Bearer " + other)
                .assertProblem(404, "poll-not-found");
    }

    private static String citizenPoll(String token, String title, List<String> invitees) {
        jakarta.json.JsonArrayBuilder numbers = Json.createArrayBuilder();
        invitees.forEach(numbers::add);
        Api.Reply reply = Api.post("/citizen-polls", Json.createObjectBuilder().add("title", title)
                .add("closesAt", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString())
                .add("visibility", "INVITE_ONLY").add("invitees", numbers)
                .add("questions", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "YES_NO")
                        .add("text", "참석하십니까?").add("options", Json.createArrayBuilder()))).build(),
                "Authorization", "Bearer " + token);
        assertEquals(201, reply.status(), reply.body());
        return reply.json().getString("id");
    }

    private static String shortCodeOf(String pollId) {
        return (String) Database.rows("SELECT short_code FROM poll WHERE id = ?::uuid", pollId).get(0).get(0);
    }

    /** Waits until the citizen's poll has no invitation queued and this many sent. */
    private static void awaitCitizenInvitations(String pollId, int sent) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (Database.count("SELECT count(*) FROM poll_listed_voter l JOIN outbox_message o ON o.id = l.invitation_id"
                + " WHERE l.poll_id = ?::uuid AND o.status = 'SENT'", pollId) < sent) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("invitations of " + pollId + " not sent");
            }
            Citizens.sleep(200);
        }
    }

    /** Signs a citizen in with the code the test's gateway received (the server sends through it here). */
    private String signInThroughTheGateway(String phone) {
        assertEquals(202, Api.post("/auth/codes", Json.createObjectBuilder().add("phone", phone).build()).status());
        long deadline = System.currentTimeMillis() + 30_000;
        while (received.stream().noneMatch(m -> phone.equals(m.getString("to")))) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no code reached the gateway for " + phone);
            }
            Citizens.sleep(50);
        }
        Matcher code = CODE.matcher(received.stream().filter(m -> phone.equals(m.getString("to"))).findFirst()
                .orElseThrow().getString("text"));
        assertTrue(code.find());
        Api.Reply token = Api.post("/auth/tokens", Json.createObjectBuilder().add("phone", phone).add("code", code.group(1)).build());
        assertEquals(201, token.status(), token.body());
        return token.json().getString("token");
    }

    private static JsonObject listedPoll(String title, List<String> phones) {
        return listedPoll(title, phones, null);
    }

    /** {@code opensAt}: when its voting begins (null: a minute ago). */
    private static JsonObject listedPoll(String title, List<String> phones, java.time.Instant opensAt) {
        jakarta.json.JsonObjectBuilder draft = Polls.draft(title, "LISTED", "LIVE", Polls.question("YES_NO", "찬성?"));
        if (opensAt != null) {
            draft.add("opensAt", opensAt.toString());
        }
        JsonObject poll = Polls.createDraft(draft);
        jakarta.json.JsonArrayBuilder numbers = Json.createArrayBuilder();
        phones.forEach(numbers::add);
        Api.Reply listed = Api.put("/admin/polls/" + poll.getString("id") + "/listed-voters",
                Json.createObjectBuilder().add("phones", numbers).build(), "Authorization", Api.OPERATOR);
        assertEquals(200, listed.status(), listed.body());
        return poll;
    }

    /** Waits until no invitation of the poll is queued any more and checks how many were sent and failed. */
    private static JsonObject awaitInvitations(String pollId, int sent, int failed) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            JsonObject progress = Api.get("/admin/polls/" + pollId + "/invitations", "Authorization", Api.OPERATOR).json();
            if (progress.getInt("queued") == 0 && progress.getInt("sent") + progress.getInt("failed") == sent + failed) {
                assertEquals(sent, progress.getInt("sent"), progress.toString());
                assertEquals(failed, progress.getInt("failed"), progress.toString());
                return progress;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("invitations still on their way: " + progress);
            }
            Citizens.sleep(200);
        }
    }

    /** The gateway gets the outbox message id as Idempotency-Key: the way to find the row, whatever its state. */
    private String firstMessageIdSeenByTheGateway() {
        long deadline = System.currentTimeMillis() + 30_000;
        while (idempotencyKeys.isEmpty()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("the gateway was never called");
            }
            Citizens.sleep(50);
        }
        return idempotencyKeys.get(0);
    }

    private static List<Object> awaitStatus(String outboxId, String status, long patienceMillis) {
        long deadline = System.currentTimeMillis() + patienceMillis;
        while (true) {
            List<Object> row = Database.rows("SELECT status, attempts, recipient FROM outbox_message WHERE id = ?::uuid",
                    outboxId).get(0);
            if (status.equals(row.get(0))) {
                return row;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("outbox message " + outboxId + " is " + row + ", not " + status);
            }
            Citizens.sleep(250);
        }
    }

    private void setProperty(String name, String value) throws IOException {
        ServerProperties.set(management, name, value);
    }

    private void removeProperty(String name) throws IOException {
        ServerProperties.remove(management, name);
    }
}
