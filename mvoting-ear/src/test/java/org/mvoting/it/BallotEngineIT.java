package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mvoting.verifier.AuditChain;
import org.mvoting.verifier.Finding;
import org.mvoting.verifier.Main;
import org.mvoting.verifier.Report;
import org.mvoting.verifier.Verifier;

/**
 * The ballot engine end to end on PostgreSQL: one person one vote under concurrency, idempotent retries,
 * exact tallies, final recount, receipts, LISTED audiences, results visibility, and the secrecy schema.
 */
@ExtendWith(ArquillianExtension.class)
class BallotEngineIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static JsonObject openYesNoPoll(String title, String visibility) {
        return Polls.open(Polls.draft(title, "OPEN", visibility, Polls.question("YES_NO", "찬성하십니까?")));
    }

    private static HttpRequest castRequest(String pollId, JsonObject ballot, String token, String key) {
        return HttpRequest.newBuilder(URI.create(Api.BASE + "/polls/" + pollId + "/ballots"))
                .timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(ballot.toString(), StandardCharsets.UTF_8))
                .build();
    }

    /** Fires all requests from many threads released at the same instant. */
    private static List<Api.Reply> concurrently(List<HttpRequest> requests, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch gate = new CountDownLatch(1);
        try {
            List<Future<Api.Reply>> futures = new ArrayList<>();
            for (HttpRequest r : requests) {
                futures.add(pool.submit(() -> {
                    gate.await();
                    return Api.send(r);
                }));
            }
            gate.countDown();
            List<Api.Reply> replies = new ArrayList<>();
            for (Future<Api.Reply> f : futures) {
                replies.add(f.get(5, TimeUnit.MINUTES));
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long participations(String pollId) {
        return Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId);
    }

    /** Ballots recorded, whether already mixed into the clear tables or still sealed in the inbox. */
    private static long ballots(String pollId) {
        return Database.recordedBallots(pollId);
    }

    @Test
    void smsSignInDeliversTheCodeThroughTheOutboxAndTheCodeWorksOnce() {
        String phone = Citizens.newPhone();
        Api.Reply requested = Api.post("/auth/codes", Json.createObjectBuilder().add("phone", phone).build());
        assertEquals(202, requested.status(), requested.body());
        assertEquals("010-****-" + phone.substring(phone.length() - 4), requested.json().getString("maskedPhone"));
        String code = Citizens.awaitCodes(List.of(phone), Duration.ofSeconds(30)).get(phone);

        // The outbox row went through JMS to the local adapter: marked SENT, and neither the code nor the
        // full number is kept there any more.
        Citizens.sleep(300);
        assertEquals(0, Database.count("SELECT count(*) FROM outbox_message WHERE recipient = ?", phone));
        List<List<Object>> outbox = Database.rows("SELECT status, body FROM outbox_message WHERE recipient = ?"
                + " ORDER BY created_at DESC LIMIT 1", "*".repeat(phone.length() - 4) + phone.substring(phone.length() - 4));
        assertEquals("SENT", outbox.get(0).get(0));
        assertFalse(((String) outbox.get(0).get(1)).contains(code));
        // Only a keyed hash of the phone number is stored for the challenge.
        assertEquals(0, Database.count("SELECT count(*) FROM otp_challenge WHERE encode(phone_key, 'escape') LIKE ?",
                "%" + phone.substring(3) + "%"));

        // The same number in domestic notation is the same citizen.
        String domestic = "0" + phone.substring(3, 5) + "-" + phone.substring(5, 9) + "-" + phone.substring(9);
        Api.Reply token = Api.post("/auth/tokens", Json.createObjectBuilder().add("phone", domestic).add("code", code).build());
        assertEquals(201, token.status(), token.body());
        assertEquals("Bearer", token.json().getString("tokenType"));
        assertEquals("no-store", token.header("Cache-Control"));

        Api.post("/auth/tokens", Json.createObjectBuilder().add("phone", phone).add("code", code).build())
                .assertProblem(400, "code-no-active-code");
    }

    @Test
    void codeRequestsAreRateLimitedPerNumberAndWrongCodesRunOut() {
        String phone = Citizens.newPhone();
        assertEquals(202, Api.post("/auth/codes", Json.createObjectBuilder().add("phone", phone).build()).status());
        Api.Reply again = Api.post("/auth/codes", Json.createObjectBuilder().add("phone", phone).build());
        JsonObject problem = again.assertProblem(429, "rate-limited-resend");
        long retryAfter = Long.parseLong(again.header("Retry-After"));
        assertTrue(retryAfter > 0 && retryAfter <= 61, "Retry-After " + retryAfter);
        assertEquals(retryAfter, problem.getJsonNumber("retryAfterSeconds").longValue());

        String code = Citizens.awaitCodes(List.of(phone), Duration.ofSeconds(30)).get(phone);
        String wrong = code.equals("000000") ? "000001" : "000000";
        for (int left = 4; left >= 1; left--) {
            JsonObject mismatch = Api.post("/auth/tokens", Json.createObjectBuilder().add("phone", phone)
                    .add("code", wrong).build()).assertProblem(400, "code-mismatch");
            assertEquals(left, mismatch.getInt("attemptsLeft"));
        }
        Api.post("/auth/tokens", Json.createObjectBuilder().add("phone", phone).add("code", wrong).build())
                .assertProblem(400, "code-too-many-attempts");
        // After five wrong tries even the right code is refused.
        Api.post("/auth/tokens", Json.createObjectBuilder().add("phone", phone).add("code", code).build())
                .assertProblem(400, "code-too-many-attempts");
    }

    @Test
    void aNumberGetsFiveCodesAnHourAndACodeLivesFiveMinutes() {
        // Waiting out the 60 s cooldown five times would take five minutes: the test moves the number's earlier
        // codes back in time in the database instead, so the server's own clock-based rules decide.
        String phone = Citizens.newPhone();
        assertEquals(202, Api.post("/auth/codes", Json.createObjectBuilder().add("phone", phone).build()).status());
        byte[] phoneKey = (byte[]) Database.rows("SELECT phone_key FROM otp_challenge ORDER BY created_at DESC LIMIT 1").get(0).get(0);
        assertTrue(Citizens.awaitCodes(List.of(phone), Duration.ofSeconds(30)).get(phone).matches("\\d{6}"), "six digits");
        for (int sent = 1; sent < 5; sent++) {
            Database.execute("UPDATE otp_challenge SET created_at = created_at - interval '61 seconds',"
                    + " expires_at = expires_at - interval '61 seconds' WHERE phone_key = ?", phoneKey);
            Api.Reply reply = Api.post("/auth/codes", Json.createObjectBuilder().add("phone", phone).build());
            assertEquals(202, reply.status(), "code " + (sent + 1) + ": " + reply.body());
        }
        Database.execute("UPDATE otp_challenge SET created_at = created_at - interval '61 seconds',"
                + " expires_at = expires_at - interval '61 seconds' WHERE phone_key = ?", phoneKey);
        Api.Reply sixth = Api.post("/auth/codes", Json.createObjectBuilder().add("phone", phone).build());
        sixth.assertProblem(429, "rate-limited-hourly");
        long retryAfter = Long.parseLong(sixth.header("Retry-After"));
        assertTrue(retryAfter > 60 && retryAfter <= 3600 - 5 * 61 + 2, "Retry-After " + retryAfter);
        assertEquals(5, Database.count("SELECT count(*) FROM otp_challenge WHERE phone_key = ?", phoneKey));

        // a code five minutes old no longer works, even the right one
        String other = Citizens.newPhone();
        assertEquals(202, Api.post("/auth/codes", Json.createObjectBuilder().add("phone", other).build()).status());
        byte[] otherKey = (byte[]) Database.rows("SELECT phone_key FROM otp_challenge ORDER BY created_at DESC LIMIT 1").get(0).get(0);
        String code = Citizens.awaitCodes(List.of(other), Duration.ofSeconds(30)).get(other);
        Database.execute("UPDATE otp_challenge SET created_at = created_at - interval '5 minutes 1 second',"
                + " expires_at = expires_at - interval '5 minutes 1 second' WHERE phone_key = ?", otherKey);
        Api.post("/auth/tokens", Json.createObjectBuilder().add("phone", other).add("code", code).build())
                .assertProblem(400, "code-expired");
    }

    @Test
    void twoHundredConcurrentRetriesOfOneVoterMakeOneBallotAndOneReceipt() throws Exception {
        JsonObject poll = openYesNoPoll("동시 재시도", "LIVE");
        String pollId = poll.getString("id");
        String token = Citizens.signIn(Citizens.newPhone());
        JsonObject ballot = Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(0));
        String key = UUID.randomUUID().toString();

        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(castRequest(pollId, ballot, token, key));
        }
        List<Api.Reply> replies = concurrently(requests, 200);

        Set<String> receipts = new HashSet<>();
        int created = 0;
        for (Api.Reply r : replies) {
            assertTrue(r.status() == 201 || r.status() == 200, r.status() + " " + r.body());
            created += r.status() == 201 ? 1 : 0;
            receipts.add(r.json().getString("receipt"));
        }
        assertEquals(1, created, "exactly one request created the ballot; the rest were replays");
        assertEquals(1, receipts.size(), "every retry got the same receipt");
        assertEquals(1, participations(pollId));
        assertEquals(1, ballots(pollId));
    }

    @Test
    void twoHundredConcurrentDifferentRequestsOfOneVoterCountOnceAndRefuseTheRest() throws Exception {
        JsonObject poll = openYesNoPoll("동시 이중 투표", "LIVE");
        String pollId = poll.getString("id");
        String token = Citizens.signIn(Citizens.newPhone());
        List<Long> options = Polls.optionIds(poll, 0);

        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(castRequest(pollId, Polls.ballot(Polls.questionId(poll, 0), options.get(i % 2)), token,
                    UUID.randomUUID().toString()));
        }
        List<Api.Reply> replies = concurrently(requests, 200);

        long accepted = replies.stream().filter(r -> r.status() == 201).count();
        assertEquals(1, accepted);
        replies.stream().filter(r -> r.status() != 201).forEach(r -> r.assertProblem(409, "already-voted"));
        assertEquals(1, participations(pollId));
        assertEquals(1, ballots(pollId));
        Database.awaitMixed(pollId);
        JsonObject results = Api.get("/polls/" + pollId + "/results").json();
        assertEquals(1, results.getJsonNumber("ballots").longValue());
    }

    @Test
    void aThousandVotersAtOnceAreAllCountedExactlyAndTheFinalRecountMatches() throws Exception {
        JsonObject poll = Polls.open(Polls.draft("천 명 동시 투표", "OPEN", "LIVE",
                Polls.question("SINGLE_CHOICE", "어디로 갈까요?", "남산", "한강", "북한산")));
        String pollId = poll.getString("id");
        long question = Polls.questionId(poll, 0);
        List<Long> options = Polls.optionIds(poll, 0);

        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            phones.add(Citizens.newPhone());
        }
        Map<String, String> tokens = Citizens.signIn(phones);
        Map<Long, Long> expected = new HashMap<>();
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < phones.size(); i++) {
            long option = options.get(i % 7 < 4 ? 0 : i % 7 < 6 ? 1 : 2);
            expected.merge(option, 1L, Long::sum);
            requests.add(castRequest(pollId, Polls.ballot(question, option), tokens.get(phones.get(i)),
                    UUID.randomUUID().toString()));
        }
        List<Api.Reply> replies = concurrently(requests, 250);

        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        replies.forEach(r -> statuses.merge(String.valueOf(r.status()), 1, Integer::sum));
        assertEquals(Map.of("201", 1000), statuses);
        assertEquals(1000, participations(pollId));
        assertEquals(1000, ballots(pollId));
        assertEquals(1000, replies.stream().map(r -> r.json().getString("receipt")).distinct().count());

        Database.awaitMixed(pollId);
        assertEquals(1000, Database.count("SELECT count(*) FROM ballot WHERE poll_id = ?::uuid", pollId));
        JsonObject live = Api.get("/polls/" + pollId + "/results").json();
        assertFalse(live.getBoolean("finalResult"));
        assertEquals(1000, live.getJsonNumber("ballots").longValue());
        for (JsonObject o : live.getJsonArray("questions").getJsonObject(0).getJsonArray("options")
                .getValuesAs(JsonObject.class)) {
            assertEquals(expected.get(o.getJsonNumber("optionId").longValue()), o.getJsonNumber("votes").longValue());
        }

        JsonObject closed = Polls.close(pollId);
        assertTrue(closed.getBoolean("finalResult"));
        assertTrue(closed.getBoolean("tallyVerified"), "the live tally equals the recount from the ballots");
        assertEquals(1000, closed.getJsonNumber("ballots").longValue());
        for (JsonObject o : closed.getJsonArray("questions").getJsonObject(0).getJsonArray("options")
                .getValuesAs(JsonObject.class)) {
            assertEquals(expected.get(o.getJsonNumber("optionId").longValue()), o.getJsonNumber("votes").longValue());
        }
        // Closed: no more ballots, and a receipt still checks out.
        Api.send(castRequest(pollId, Polls.ballot(question, options.get(0)), tokens.get(phones.get(0)),
                UUID.randomUUID().toString())).assertProblem(409, "poll-not-open");
        String receipt = replies.get(17).json().getString("receipt");
        JsonObject check = Api.get("/polls/" + pollId + "/receipts/" + receipt.toLowerCase().replace("-", "")).json();
        assertEquals("COUNTED", check.getString("status"));
        assertEquals(receipt, check.getString("receipt"));
    }

    @Test
    void aPollClosesByItselfAtTheScheduledEndWithItsFinalResult() {
        JsonObject draft = Polls.createDraft(Polls.draft("곧 마감", "OPEN", "AFTER_CLOSE", Polls.question("YES_NO", "찬성?"))
                .add("closesAt", java.time.Instant.now().plusSeconds(6).toString()));
        JsonObject poll = Polls.publish(draft);
        String pollId = poll.getString("id");
        String token = Citizens.signIn(Citizens.newPhone());
        assertEquals(201, Api.send(castRequest(pollId, Polls.ballot(Polls.questionId(poll, 0),
                Polls.optionIds(poll, 0).get(1)), token, UUID.randomUUID().toString())).status());

        long deadline = System.currentTimeMillis() + 40_000;
        while (!"CLOSED".equals(Api.get("/polls/" + pollId).json().getString("status"))) {
            assertTrue(System.currentTimeMillis() < deadline, "the poll did not close by itself");
            Citizens.sleep(500);
        }
        JsonObject results = Api.get("/polls/" + pollId + "/results").json();
        assertTrue(results.getBoolean("finalResult"));
        assertTrue(results.getBoolean("tallyVerified"));
        assertEquals(1, results.getJsonNumber("ballots").longValue());
        Api.send(castRequest(pollId, Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(0)),
                Citizens.signIn(Citizens.newPhone()), UUID.randomUUID().toString())).assertProblem(409, "poll-not-open");
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'poll.close' AND target = ?"
                + " AND actor = 'system:scheduler'", pollId));
    }

    @Test
    void aRetryWithTheSameKeyReturnsTheSameReceiptAndOtherChoicesUnderThatKeyAreRefused() {
        JsonObject poll = openYesNoPoll("재시도", "LIVE");
        String pollId = poll.getString("id");
        String token = Citizens.signIn(Citizens.newPhone());
        List<Long> options = Polls.optionIds(poll, 0);
        String key = UUID.randomUUID().toString();

        Api.Reply first = Api.send(castRequest(pollId, Polls.ballot(Polls.questionId(poll, 0), options.get(0)), token, key));
        assertEquals(201, first.status(), first.body());
        assertNotNull(first.header("Location"));
        Api.Reply retry = Api.send(castRequest(pollId, Polls.ballot(Polls.questionId(poll, 0), options.get(0)), token, key));
        assertEquals(200, retry.status(), retry.body());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.json().getString("receipt"), retry.json().getString("receipt"));
        assertTrue(retry.json().getBoolean("replayed"));

        Api.send(castRequest(pollId, Polls.ballot(Polls.questionId(poll, 0), options.get(1)), token, key))
                .assertProblem(409, "idempotency-key-reused");
        Api.send(castRequest(pollId, Polls.ballot(Polls.questionId(poll, 0), options.get(0)), token,
                UUID.randomUUID().toString())).assertProblem(409, "already-voted");
        assertEquals(1, ballots(pollId));
    }

    @Test
    void aSealedBallotThatDoesNotOpenIsQuarantinedAndEveryOtherBallotOfEveryPollIsCounted() {
        // once one such row made every mixing round fail, for every poll, with a stack trace each second
        JsonObject pollA = openYesNoPoll("격리 A", "LIVE");
        JsonObject pollB = openYesNoPoll("격리 B", "LIVE");
        String a = pollA.getString("id");
        String b = pollB.getString("id");
        for (int i = 0; i < 2; i++) {
            assertEquals(201, Api.send(castRequest(a, Polls.ballot(Polls.questionId(pollA, 0), Polls.optionIds(pollA, 0).get(0)),
                    Citizens.signIn(Citizens.newPhone()), UUID.randomUUID().toString())).status());
        }
        Database.awaitMixed(a);
        byte[] garbage = new byte[80];
        new java.security.SecureRandom().nextBytes(garbage); // a row altered in storage: it no longer opens
        Database.execute("INSERT INTO ballot_inbox (id, poll_id, receipt_key, sealed_ballot) VALUES (?::uuid, ?::uuid, ?, ?)",
                UUID.randomUUID().toString(), a, new byte[32], garbage);
        for (int i = 0; i < 3; i++) {
            assertEquals(201, Api.send(castRequest(b, Polls.ballot(Polls.questionId(pollB, 0), Polls.optionIds(pollB, 0).get(1)),
                    Citizens.signIn(Citizens.newPhone()), UUID.randomUUID().toString())).status());
        }
        assertEquals(201, Api.send(castRequest(a, Polls.ballot(Polls.questionId(pollA, 0), Polls.optionIds(pollA, 0).get(1)),
                Citizens.signIn(Citizens.newPhone()), UUID.randomUUID().toString())).status());

        Database.awaitMixed(a);
        Database.awaitMixed(b);
        assertEquals(3, Database.count("SELECT count(*) FROM ballot WHERE poll_id = ?::uuid", a), "A's good ballots are counted");
        assertEquals(3, Database.count("SELECT count(*) FROM ballot WHERE poll_id = ?::uuid", b), "B's ballots are counted");
        assertEquals(3, Database.count("SELECT votes FROM tally_slot WHERE poll_id = ?::uuid AND option_id = 0", a),
                "the bad row is in no tally");
        assertEquals(1, Database.count("SELECT count(*) FROM ballot_quarantine WHERE poll_id = ?::uuid"
                + " AND reason <> '' AND quarantined_at IS NOT NULL AND sealed_ballot = ?", a, garbage), "kept, with its reason");
        JsonObject results = Api.get("/polls/" + a + "/results").json();
        assertTrue(results.toString().contains("\"votes\":2") && results.toString().contains("\"votes\":1"), results.toString());

        // visible, as a count, to the system administrator and the auditors; to no one else
        for (String reader : new String[] {Api.SYSADMIN, Api.basic("audit.kim")}) {
            Api.Reply one = Api.get("/admin/ballot-quarantine/" + a, "Authorization", reader);
            assertEquals(200, one.status(), one.body());
            assertEquals(1, one.json().getJsonNumber("count").longValue());
            assertEquals(0, Api.get("/admin/ballot-quarantine/" + b, "Authorization", reader).json()
                    .getJsonNumber("count").longValue());
            Api.Reply all = Api.get("/admin/ballot-quarantine", "Authorization", reader);
            assertEquals(200, all.status(), all.body());
            JsonObject forA = all.jsonArray().getValuesAs(JsonObject.class).stream()
                    .filter(o -> o.getString("pollId").equals(a)).findFirst().orElseThrow();
            assertEquals(1, forA.getJsonNumber("count").longValue());
            assertEquals("격리 A", forA.getString("pollTitle"));
        }
        Api.get("/admin/ballot-quarantine/" + a, "Authorization", Api.OPERATOR).assertProblem(403, "role-required");
        Api.get("/admin/ballot-quarantine", "Authorization", Api.basic("kwon.hyunwoo")).assertProblem(403, "role-required");
        Api.Reply citizen = Api.get("/admin/ballot-quarantine", "Authorization", "Bearer " + Citizens.signIn(Citizens.newPhone()));
        assertTrue(citizen.status() == 401 || citizen.status() == 403, citizen.status() + " " + citizen.body());
    }

    @Test
    void theReceiptCheckConfirmsCountingWithoutRevealingTheChoice() {
        JsonObject poll = openYesNoPoll("영수증", "AFTER_CLOSE");
        String pollId = poll.getString("id");
        String token = Citizens.signIn(Citizens.newPhone());
        Api.Reply cast = Api.send(castRequest(pollId, Polls.ballot(Polls.questionId(poll, 0),
                Polls.optionIds(poll, 0).get(1)), token, UUID.randomUUID().toString()));
        String receipt = cast.json().getString("receipt");

        Api.Reply early = Api.get("/polls/" + pollId + "/receipts/" + receipt);
        assertEquals(200, early.status());
        assertTrue(Set.of("PENDING", "COUNTED").contains(early.json().getString("status")), early.body());
        Database.awaitMixed(pollId);
        Api.Reply check = Api.get("/polls/" + pollId + "/receipts/" + receipt);
        assertEquals("COUNTED", check.json().getString("status"));
        assertEquals(Set.of("pollId", "receipt", "status", "castHour"), check.json().keySet());
        // Only those four fields, all strings: no number in the answer could be an option id.
        assertTrue(check.json().values().stream().allMatch(v -> v.getValueType() == jakarta.json.JsonValue.ValueType.STRING));
        Api.get("/polls/" + pollId + "/receipts/AAAA-BBBB-CCCC").assertProblem(404, "receipt-not-found");
        Api.get("/polls/" + pollId + "/receipts/not-a-receipt").assertProblem(404, "receipt-not-found");
    }

    @Test
    void aListedPollAcceptsListedNumbersOnly() {
        String listed = Citizens.newPhone();
        String outsider = Citizens.newPhone();
        JsonObject poll = Polls.createDraft(Polls.draft("지정 대상", "LISTED", "LIVE", Polls.question("YES_NO", "참석하십니까?")));
        String pollId = poll.getString("id");
        Api.Reply list = Api.put("/admin/polls/" + pollId + "/listed-voters", Json.createObjectBuilder()
                .add("phones", Json.createArrayBuilder().add("0" + listed.substring(3)).add(listed)).build(),
                "Authorization", Api.OPERATOR);
        assertEquals(200, list.status(), list.body());
        assertEquals(1, list.json().getInt("listed"), "the same number twice is listed once");
        String later = Citizens.newPhone();
        Api.Reply added = Api.post("/admin/polls/" + pollId + "/listed-voters", Json.createObjectBuilder()
                .add("phones", Json.createArrayBuilder().add(later).add(listed)).build(), "Authorization", Api.OPERATOR);
        assertEquals(2, added.json().getInt("listed"), "a batch adds to the list");
        Api.put("/admin/polls/" + pollId + "/listed-voters", Json.createObjectBuilder()
                .add("phones", Json.createArrayBuilder().add(listed).add("not a phone")).build(), "Authorization", Api.OPERATOR)
                .assertProblem(422, "phone-invalid");
        Polls.publish(poll);

        Map<String, String> tokens = Citizens.signIn(List.of(listed, outsider, later));
        JsonObject ballot = Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(0));
        assertEquals(201, Api.send(castRequest(pollId, ballot, tokens.get(listed), UUID.randomUUID().toString())).status());
        assertEquals(201, Api.send(castRequest(pollId, ballot, tokens.get(later), UUID.randomUUID().toString())).status());
        Api.send(castRequest(pollId, ballot, tokens.get(outsider), UUID.randomUUID().toString()))
                .assertProblem(403, "not-eligible");
        assertEquals(2, ballots(pollId));
    }

    @Test
    void resultsFollowThePollsVisibility() {
        JsonObject afterVoting = openYesNoPoll("투표 후 공개", "AFTER_VOTING");
        JsonObject afterClose = openYesNoPoll("마감 후 공개", "AFTER_CLOSE");
        String token = Citizens.signIn(Citizens.newPhone());
        String a = afterVoting.getString("id");
        String c = afterClose.getString("id");

        Api.get("/polls/" + a + "/results").assertProblem(403, "results-not-visible");
        Api.get("/polls/" + a + "/results", "Authorization", "Bearer " + token).assertProblem(403, "results-not-visible");
        Api.send(castRequest(a, Polls.ballot(Polls.questionId(afterVoting, 0), Polls.optionIds(afterVoting, 0).get(0)),
                token, UUID.randomUUID().toString()));
        Database.awaitMixed(a);
        Api.Reply mine = Api.get("/polls/" + a + "/results", "Authorization", "Bearer " + token);
        assertEquals(200, mine.status(), mine.body());
        assertEquals(1, mine.json().getJsonNumber("ballots").longValue());
        Api.get("/polls/" + a + "/results").assertProblem(403, "results-not-visible");

        Api.send(castRequest(c, Polls.ballot(Polls.questionId(afterClose, 0), Polls.optionIds(afterClose, 0).get(1)),
                token, UUID.randomUUID().toString()));
        Api.get("/polls/" + c + "/results", "Authorization", "Bearer " + token).assertProblem(403, "results-not-visible");
        Polls.close(c);
        JsonObject after = Api.get("/polls/" + c + "/results").json();
        assertTrue(after.getBoolean("finalResult"));
        assertEquals(1, after.getJsonNumber("ballots").longValue());
    }

    @Test
    void theMixerRunsOnlyOnTheNodeHoldingItsLeaseAndThisNodeTakesItOverWhenTheOthersLeaseRunsOut() {
        JsonObject poll = openYesNoPoll("혼합 임차", "LIVE");
        String pollId = poll.getString("id");
        List<String> tokens = List.copyOf(Citizens.signIn(List.of(Citizens.newPhone(), Citizens.newPhone(),
                Citizens.newPhone(), Citizens.newPhone(), Citizens.newPhone(), Citizens.newPhone(),
                Citizens.newPhone())).values());
        assertEquals(201, Api.send(castRequest(pollId, Polls.ballot(Polls.questionId(poll, 0),
                Polls.optionIds(poll, 0).get(0)), tokens.get(0), UUID.randomUUID().toString())).status());
        Database.awaitMixed(pollId);
        List<Object> lease = Database.rows("SELECT holder, expires_at > now() FROM cluster_lease WHERE job = 'MIXING'").get(0);
        String thisNode = (String) lease.get(0);
        assertEquals(Boolean.TRUE, lease.get(1), "this node holds the mixer's lease and renews it");

        // Another node takes the lease for 8 s (as if this node had missed its renewals).
        Database.execute("UPDATE cluster_lease SET holder = 'node-elsewhere', held_since = now(),"
                + " expires_at = now() + interval '8 seconds' WHERE job = 'MIXING'");
        try {
            Citizens.sleep(2_000); // this node trusts its own lease for at most a third of 5 s after its last renewal
            for (String token : tokens.subList(1, tokens.size())) {
                assertEquals(201, Api.send(castRequest(pollId, Polls.ballot(Polls.questionId(poll, 0),
                        Polls.optionIds(poll, 0).get(1)), token, UUID.randomUUID().toString())).status());
            }
            Citizens.sleep(2_000);
            assertEquals(6, Database.count("SELECT count(*) FROM ballot_inbox WHERE poll_id = ?::uuid", pollId),
                    "while another node holds the lease, this node does not mix");
            assertEquals("node-elsewhere", Database.rows("SELECT holder FROM cluster_lease WHERE job = 'MIXING'")
                    .get(0).get(0), "and does not take a running lease");

            Database.awaitMixed(pollId); // the other node's lease runs out and this node takes the job
            List<Object> taken = Database.rows("SELECT holder, held_since > now() - interval '10 seconds'"
                    + " FROM cluster_lease WHERE job = 'MIXING'").get(0);
            assertEquals(List.of(thisNode, Boolean.TRUE), taken);
            assertEquals(7, Database.count("SELECT count(*) FROM ballot WHERE poll_id = ?::uuid", pollId));
        } finally {
            Database.execute("DELETE FROM cluster_lease WHERE job = 'MIXING' AND holder = 'node-elsewhere'");
        }
    }

    @Test
    void aVotersTransactionLeavesNoTraceOnTheirBallotOrTheTally() {
        JsonObject poll = Polls.open(Polls.draft("xmin", "OPEN", "LIVE",
                Polls.question("SINGLE_CHOICE", "고르세요", "하나", "둘", "셋")));
        String pollId = poll.getString("id");
        Map<String, String> tokens = Citizens.signIn(List.of(Citizens.newPhone(), Citizens.newPhone(), Citizens.newPhone()));
        int i = 0;
        for (String token : tokens.values()) {
            assertEquals(201, Api.send(castRequest(pollId, Polls.ballot(Polls.questionId(poll, 0),
                    Polls.optionIds(poll, 0).get(i++)), token, UUID.randomUUID().toString())).status());
        }
        Database.awaitMixed(pollId);
        // Rows written in one transaction share xmin: none of the voters' transactions wrote a clear ballot,
        // a choice or a tally row, so no join on it names anyone's choice.
        for (String table : new String[] {"ballot", "ballot_choice", "tally_slot"}) {
            assertEquals(0, Database.count("SELECT count(*) FROM participation p JOIN " + table
                    + " x ON x.xmin = p.xmin WHERE p.poll_id = ?::uuid", pollId), table + " shares a transaction with a voter");
        }
        assertEquals(3, Database.count("SELECT count(*) FROM ballot WHERE poll_id = ?::uuid", pollId));
    }

    @Test
    void nothingInTheSchemaLinksABallotToAVoter() {
        // Columns: ballots and their choices hold no voter key, phone, citizen or fine time.
        List<List<Object>> columns = Database.rows("SELECT table_name, column_name, data_type FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name IN ('ballot', 'ballot_choice', 'tally_slot', 'final_tally', 'ballot_inbox',"
                + " 'stratum_tally')");
        assertFalse(columns.isEmpty());
        for (List<Object> c : columns) {
            String name = ((String) c.get(1)).toLowerCase();
            for (String forbidden : new String[] {"voter", "phone", "citizen", "participation", "token", "seq", "created", "device", "channel"}) {
                assertFalse(name.contains(forbidden), c + " names " + forbidden);
            }
        }
        // No sequence or identity behind any ballot-side or participation column (it would reveal order).
        assertEquals(0, Database.count("SELECT count(*) FROM information_schema.columns WHERE table_schema = current_schema()"
                + " AND table_name IN ('ballot', 'ballot_choice', 'participation')"
                + " AND (is_identity = 'YES' OR column_default LIKE 'nextval%')"));
        // A panel ballot's stratum is coarse (district, gender, age band) and nothing else was added to the ballot.
        assertEquals(Set.of("id", "poll_id", "receipt", "cast_hour", "stratum_district", "stratum_gender", "stratum_age_band"),
                new HashSet<>(Database.rows("SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                        + " AND table_name = 'ballot'").stream().map(r -> (String) r.get(0)).toList()));
        assertEquals(6, columns.stream().filter(c -> "stratum_tally".equals(c.get(0))).count());
        // No foreign key between the two sides, in either direction.
        assertEquals(0, Database.count("SELECT count(*) FROM information_schema.table_constraints tc"
                + " JOIN information_schema.constraint_column_usage ccu ON tc.constraint_name = ccu.constraint_name"
                + " WHERE tc.constraint_type = 'FOREIGN KEY' AND ((tc.table_name IN ('ballot', 'ballot_choice') AND ccu.table_name = 'participation')"
                + " OR (tc.table_name = 'participation' AND ccu.table_name IN ('ballot', 'ballot_choice')))"));
        // The participation side holds no ballot id, receipt or choice in the clear.
        List<String> participationColumns = Database.rows("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = 'participation'").stream()
                .map(r -> (String) r.get(0)).toList();
        assertEquals(Set.of("poll_id", "voter_key", "channel", "voted_on", "sealed_receipt"), new HashSet<>(participationColumns));
        // Cast times are whole hours only.
        assertEquals(0, Database.count("SELECT count(*) FROM ballot WHERE cast_hour <> date_trunc('hour', cast_hour)"));
        // Ballots exist by now (other tests) and no receipt appears in the clear on the participation side.
        assertTrue(Database.count("SELECT count(*) FROM ballot") > 0);
        assertEquals(0, Database.count("SELECT count(*) FROM participation p JOIN ballot b"
                + " ON position(convert_to(b.receipt, 'UTF8') IN p.sealed_receipt) > 0"));
    }

    /** A closed YES_NO poll with two ballots for the first option and one for the second. */
    private static JsonObject closedPollWithThreeBallots(String title) {
        JsonObject poll = openYesNoPoll(title, "AFTER_CLOSE");
        String pollId = poll.getString("id");
        for (int option : new int[] {0, 0, 1}) {
            assertEquals(201, Api.send(castRequest(pollId, Polls.ballot(Polls.questionId(poll, 0),
                    Polls.optionIds(poll, 0).get(option)), Citizens.signIn(Citizens.newPhone()),
                    UUID.randomUUID().toString())).status());
        }
        Polls.close(pollId);
        return poll;
    }

    @Test
    void aClosedPollsResultsCarryTheChainCheckpointAndItRecomputesFromTheTrailAndTheBallots() {
        String pollId = closedPollWithThreeBallots("체크포인트").getString("id");
        JsonObject checkpoint = Api.get("/polls/" + pollId + "/results").json().getJsonObject("checkpoint");
        assertNotNull(checkpoint, "a closed poll's results show its checkpoint");
        long seq = checkpoint.getJsonNumber("headSeq").longValue();

        // the head is this close's own audit event, and its hash follows from the event before and its content
        List<List<Object>> event = Database.rows("SELECT action, target, chain_hash, occurred_at, actor, detail, source"
                + " FROM audit_event WHERE seq = ?", seq);
        assertEquals("poll.close", event.get(0).get(0));
        assertEquals(pollId, event.get(0).get(1));
        assertEquals(event.get(0).get(2), checkpoint.getString("headHash"));
        String previous = seq == 1 ? AuditChain.GENESIS
                : (String) Database.rows("SELECT chain_hash FROM audit_event WHERE seq = ?", seq - 1).get(0).get(0);
        java.sql.Timestamp at = (java.sql.Timestamp) event.get(0).get(3);
        assertEquals(checkpoint.getString("headHash"), AuditChain.hash(previous, new AuditChain.Event(seq,
                at.toInstant(), (String) event.get(0).get(4), "poll.close", pollId, (String) event.get(0).get(5),
                (String) event.get(0).get(6))));

        // the tally hash is the final tally's, recounted here from the clear ballots
        Map<Long, long[]> tally = new HashMap<>();
        for (List<Object> row : Database.rows("SELECT c.option_id, count(*), sum(c.points) FROM ballot_choice c"
                + " JOIN ballot b ON b.id = c.ballot_id WHERE b.poll_id = ?::uuid GROUP BY c.option_id", pollId)) {
            tally.put(((Number) row.get(0)).longValue(), new long[] {((Number) row.get(1)).longValue(),
                    ((Number) row.get(2)).longValue()});
        }
        tally.put(0L, new long[] {3, 0});
        assertEquals(AuditChain.tallyHash(tally), checkpoint.getString("tallyHash"));
        assertTrue(checkpoint.getString("display").contains(AuditChain.shortForm(checkpoint.getString("headHash")))
                && checkpoint.getString("display").contains(AuditChain.shortForm(checkpoint.getString("tallyHash"))),
                checkpoint.toString());
        assertEquals(1, Database.count("SELECT count(*) FROM audit_checkpoint WHERE kind = 'POLL_CLOSE'"
                + " AND poll_id = ?::uuid", pollId));
        // and the staff see the same on the portal's REST view of the results
        assertEquals(checkpoint.getString("tallyHash"), Api.get("/admin/polls/" + pollId + "/results",
                "Authorization", Api.OPERATOR).json().getJsonObject("checkpoint").getString("tallyHash"));
    }

    /** Runs the verifier in a transaction that has tampered with the trail (then rolled back): its first finding. */
    private static Report tampered(String... statements) throws SQLException {
        try (Connection c = Database.connect()) {
            c.setAutoCommit(false);
            try {
                for (String sql : statements) {
                    try (var s = c.createStatement()) {
                        s.execute(sql);
                    }
                }
                return Verifier.verify(c);
            } finally {
                c.rollback();
            }
        }
    }

    private static Report verified() throws SQLException {
        try (Connection c = Database.connect()) {
            return Verifier.verify(c);
        }
    }

    private static int verifierCommand(String password) {
        return verifierCommand(System.getProperty("mvoting.test.db.url"), password);
    }

    private static int verifierCommand(String url, String password) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        return Main.run(new String[] {"--url", url, "--user",
                System.getProperty("mvoting.test.db.user"), "--password", password},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void theVerifierNamesTheEventEditedDeletedInsertedOrReorderedAndThePollWhoseBallotsChanged() throws Exception {
        String pollId = closedPollWithThreeBallots("변조 검사").getString("id");
        Report clean = verified();
        assertTrue(clean.intact(), clean.findings().toString());
        assertTrue(clean.checkpoints() > 0);
        long k = Database.count("SELECT max(seq) FROM audit_event") - 2;
        assertTrue(k >= 1);

        Report edited = tampered("UPDATE audit_event SET detail = 'nothing happened' WHERE seq = " + k);
        assertEquals(Finding.Kind.EDITED, edited.findings().get(0).kind(), edited.findings().toString());
        assertEquals(k, edited.findings().get(0).seq());

        Report deleted = tampered("DELETE FROM audit_event WHERE seq = " + k);
        assertEquals(Finding.Kind.DELETED, deleted.findings().get(0).kind(), deleted.findings().toString());
        assertEquals(k, deleted.findings().get(0).seq());

        long last = k + 2;
        Report truncated = tampered("DELETE FROM audit_event WHERE seq = " + last);
        assertEquals(Finding.Kind.DELETED, truncated.findings().get(0).kind(), truncated.findings().toString());
        assertEquals(last, truncated.findings().get(0).seq(), "the last event, deleted, is named too");

        Report reordered = tampered("UPDATE audit_event e SET occurred_at = o.occurred_at, actor = o.actor,"
                + " action = o.action, target = o.target, detail = o.detail, source = o.source FROM audit_event o"
                + " WHERE (e.seq = " + k + " AND o.seq = " + (k + 1) + ") OR (e.seq = " + (k + 1) + " AND o.seq = " + k + ")");
        assertEquals(Finding.Kind.REORDERED, reordered.findings().get(0).kind(), reordered.findings().toString());
        assertEquals(k, reordered.findings().get(0).seq());

        Report inserted = tampered("INSERT INTO audit_event (occurred_at, actor, action, target)"
                + " VALUES (now(), 'mallory', 'poll.close', '" + pollId + "')");
        assertEquals(Finding.Kind.INSERTED, inserted.findings().get(0).kind(), inserted.findings().toString());

        Report ballotChanged = tampered("UPDATE ballot_choice SET option_id = (SELECT min(c2.option_id) FROM ballot_choice c2"
                + " JOIN ballot b2 ON b2.id = c2.ballot_id WHERE b2.poll_id = '" + pollId + "')"
                + " WHERE ballot_id IN (SELECT id FROM ballot WHERE poll_id = '" + pollId + "')");
        assertEquals(List.of(Finding.Kind.TALLY), ballotChanged.findings().stream().map(Finding::kind).toList(),
                ballotChanged.findings().toString());
        assertEquals(UUID.fromString(pollId), ballotChanged.findings().get(0).pollId());

        Report tallyChanged = tampered("UPDATE final_tally SET votes = votes + 1 WHERE poll_id = '" + pollId
                + "' AND option_id = 0");
        assertEquals(UUID.fromString(pollId), tallyChanged.findings().get(0).pollId(), tallyChanged.findings().toString());

        // the auditors' command: 1 while an edit stands, 0 once it is undone, 2 when it cannot log in
        String actor = (String) Database.rows("SELECT actor FROM audit_event WHERE seq = ?", k).get(0).get(0);
        String password = System.getProperty("mvoting.test.db.password");
        assertEquals(Main.INTACT, verifierCommand(password));
        Database.execute("UPDATE audit_event SET actor = 'someone else' WHERE seq = ?", k);
        try {
            assertEquals(Main.TAMPERED, verifierCommand(password));
            Api.Reply page = Api.get("/admin/audit/verification", "Authorization", Api.basic("audit.kim"));
            assertEquals(200, page.status(), page.body());
            assertFalse(page.json().getBoolean("intact"));
            assertTrue(page.json().getJsonArray("findings").getString(0).contains("#" + k), page.body());
        } finally {
            Database.execute("UPDATE audit_event SET actor = ? WHERE seq = ?", actor, k);
        }
        assertEquals(Main.INTACT, verifierCommand(password));
        assertEquals(Main.CANNOT_CHECK, verifierCommand("jdbc:postgresql://127.0.0.1:1/nowhere", password));
        assertEquals(Main.CANNOT_CHECK, Main.run(new String[] {"--url"}, System.out, System.out), "no user: usage");
        for (String reader : new String[] {Api.SYSADMIN, Api.basic("audit.kim")}) {
            Api.Reply page = Api.get("/admin/audit/verification", "Authorization", reader);
            assertEquals(200, page.status(), page.body());
            assertTrue(page.json().getBoolean("intact"), page.body());
        }
        Api.get("/admin/audit/verification", "Authorization", Api.OPERATOR).assertProblem(403, "role-required");
    }

    /**
     * Least privilege (issue 15 part 3): the server runs as the application's role, which may read and add rows of
     * the append-only tables but not change or remove them; and a careless GRANT does not open them either, since the
     * trigger refuses anyone but the owner. The owner (the tests' login) can, as the tamper test above shows.
     */
    @Test
    void theApplicationsRoleCannotEditOrDeleteWhatIsWrittenOnce() throws SQLException {
        String app = System.getProperty("mvoting.test.db.app.user");
        String password = System.getProperty("mvoting.test.db.app.password");
        assertTrue(Database.count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                + " AND usename = ?", app) > 0, "the server's pool logs in as " + app);
        List<String> refused = List.of(
                "UPDATE audit_event SET actor = actor", "DELETE FROM audit_event",
                "UPDATE audit_checkpoint SET poll_id = poll_id", "DELETE FROM audit_checkpoint",
                "UPDATE participation SET poll_id = poll_id", "DELETE FROM participation",
                "UPDATE device_participation SET poll_id = poll_id", "DELETE FROM device_participation",
                "UPDATE ballot SET poll_id = poll_id", "DELETE FROM ballot",
                "UPDATE ballot_choice SET points = points", "DELETE FROM ballot_choice",
                "UPDATE final_tally SET votes = votes + 1", "DELETE FROM final_tally",
                "UPDATE ballot_quarantine SET poll_id = poll_id", "DELETE FROM ballot_quarantine",
                "UPDATE census_cell SET population = population", "DELETE FROM census_table",
                "TRUNCATE audit_event", "TRUNCATE ballot CASCADE", "DROP TRIGGER mvoting_append_only ON audit_event",
                "ALTER TABLE audit_event DISABLE TRIGGER ALL", "DELETE FROM flyway_schema_history");
        try (Connection c = java.sql.DriverManager.getConnection(System.getProperty("mvoting.test.db.url"), app, password)) {
            for (String sql : refused) {
                SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class,
                        () -> execute(c, sql), "the application's role may not: " + sql);
                assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
            }
            // what it needs it keeps: reading them, and the mixer's own working tables
            assertTrue(count(c, "SELECT count(*) FROM audit_event") > 0);
            execute(c, "UPDATE tally_slot SET votes = votes WHERE poll_id IS NULL");
            execute(c, "DELETE FROM ballot_inbox WHERE poll_id IS NULL");
        }
        // the second lock: even granted, an edit by anyone but the owner is refused by the trigger
        Database.execute("GRANT UPDATE, DELETE ON audit_event, ballot TO " + app);
        try (Connection c = java.sql.DriverManager.getConnection(System.getProperty("mvoting.test.db.url"), app, password)) {
            for (String sql : List.of("UPDATE audit_event SET actor = 'mallory' WHERE id = (SELECT max(id) FROM audit_event)",
                    "DELETE FROM audit_event WHERE id = (SELECT min(id) FROM audit_event)")) {
                SQLException e = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> execute(c, sql));
                assertEquals("42501", e.getSQLState(), e.getMessage());
                assertTrue(e.getMessage().contains("written once"), e.getMessage());
            }
        } finally {
            Database.execute("REVOKE UPDATE, DELETE ON audit_event, ballot FROM " + app);
        }
        assertEquals(Main.INTACT, verifierCommand(System.getProperty("mvoting.test.db.password")), "nothing changed");
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (java.sql.Statement s = c.createStatement(); java.sql.ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
