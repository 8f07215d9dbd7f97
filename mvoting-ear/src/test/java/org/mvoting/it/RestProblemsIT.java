package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every bad input the API can receive answers with an RFC 9457 problem of the right status and type,
 * in Korean by default and English on request, never with server internals, and never changes a count.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the database outage runs last
class RestProblemsIT {

    private static JsonObject poll;
    private static String pollId;
    private static String token;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeAll
    static void openPollAndVoter() {
        poll = Polls.open(Polls.draft("잘못된 입력 시험", "OPEN", "LIVE",
                Polls.question("SINGLE_CHOICE", "하나만 고르세요", "가", "나", "다"),
                Polls.question("MULTIPLE_CHOICE", "둘까지 고르세요", "ㄱ", "ㄴ", "ㄷ", "ㄹ").add("maxSelections", 2)));
        pollId = poll.getString("id");
        token = Citizens.signIn(Citizens.newPhone());
    }

    private static Api.Reply cast(Object body) {
        return Api.send("POST", "/polls/" + pollId + "/ballots", body.toString(),
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString());
    }

    private static JsonObject ballot(List<Long> first, List<Long> second) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        first.forEach(a::add);
        JsonArrayBuilder b = Json.createArrayBuilder();
        second.forEach(b::add);
        return Json.createObjectBuilder().add("answers", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("questionId", Polls.questionId(poll, 0)).add("optionIds", a))
                .add(Json.createObjectBuilder().add("questionId", Polls.questionId(poll, 1)).add("optionIds", b)))
                .build();
    }

    private static long ballots() {
        return Database.recordedBallots(pollId);
    }

    @Test
    void malformedJsonIsA400ProblemInKoreanByDefault() {
        long before = ballots();
        JsonObject problem = Api.send("POST", "/polls/" + pollId + "/ballots", "{\"answers\": [",
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(400, "malformed-json");
        assertEquals("JSON을 읽을 수 없습니다", problem.getString("title"));
        Api.send("POST", "/polls/" + pollId + "/ballots", "{\"answers\": [{\"questionId\": \"x\", \"optionIds\": 5}]}",
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(400, "json-wrong-type");
        assertEquals(before, ballots(), "no ballot was recorded");
    }

    @Test
    void theApiIsStrictAboutJsonTypesAndNamesTheField() {
        // once {"optionIds": ["41"]} was read as 41 and counted
        long before = ballots();
        String q0 = String.valueOf(Polls.questionId(poll, 0));
        String q1 = String.valueOf(Polls.questionId(poll, 1));
        String o0 = String.valueOf(Polls.optionIds(poll, 0).get(0));
        String o1 = String.valueOf(Polls.optionIds(poll, 1).get(0));
        String strings = "{\"answers\":[{\"questionId\":" + q0 + ",\"optionIds\":[\"" + o0 + "\"]},"
                + "{\"questionId\":" + q1 + ",\"optionIds\":[" + o1 + "]}]}";
        JsonObject problem = cast(strings).assertProblem(400, "json-wrong-type");
        assertEquals("answers[0].optionIds[0]", problem.getString("field"));
        assertTrue(problem.getString("detail").contains("answers[0].optionIds[0]"), problem.getString("detail"));
        String objectForList = "{\"answers\":{\"questionId\":" + q0 + ",\"optionIds\":[" + o0 + "]}}";
        assertEquals("answers", cast(objectForList).assertProblem(400, "json-wrong-type").getString("field"));
        String booleanForNumber = "{\"answers\":[{\"questionId\":true,\"optionIds\":[" + o0 + "]}]}";
        assertEquals("answers[0].questionId", cast(booleanForNumber).assertProblem(400, "json-wrong-type").getString("field"));
        assertEquals(before, ballots(), "no ballot was recorded");
        // every request body, not only the ballot: a number for text, a string for a boolean, a number for a date
        assertEquals("phone", Api.post("/auth/codes", "{\"phone\": 1012345678}")
                .assertProblem(400, "json-wrong-type").getString("field"));
        assertEquals("consent", Api.put("/me/profile", "{\"consent\":\"true\",\"gender\":\"FEMALE\",\"district\":\"JONGNO\",\"birthYear\":1980}",
                "Authorization", "Bearer " + token).assertProblem(400, "json-wrong-type").getString("field"));
        JsonObject draft = Polls.draft("형식", "OPEN", "LIVE", Polls.question("YES_NO", "예?")).build();
        String numericDate = draft.toString().replace("\"" + draft.getString("closesAt") + "\"", "1900000000");
        assertEquals("closesAt", Api.post("/admin/polls", numericDate, "Authorization", Api.OPERATOR)
                .assertProblem(400, "json-wrong-type").getString("field"));
        // and the right types still pass
        Api.Reply good = Api.send("POST", "/polls/" + pollId + "/ballots",
                ballot(List.of(Polls.optionIds(poll, 0).get(0)), List.of(Polls.optionIds(poll, 1).get(0))).toString(),
                "Authorization", "Bearer " + Citizens.signIn(Citizens.newPhone()),
                "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, good.status(), good.body());
    }

    @Test
    void englishIsServedWhenAskedFor() {
        Api.Reply reply = Api.send("POST", "/polls/" + pollId + "/ballots", "not json",
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString(),
                "Accept-Language", "en-US,en;q=0.9");
        assertEquals("Malformed JSON", reply.assertProblem(400, "malformed-json").getString("title"));
        assertEquals("en", reply.header("Content-Language"));
    }

    @Test
    void aControlCharacterInAPathOrQueryIsA400ProblemNotAnIncident() {
        // PostgreSQL refuses a NUL in text: once the hall's state answered 500 for /events/%00/state
        Api.get("/events/%00/state").assertProblem(400, "bad-request");
        Api.get("/events/%00/live").assertProblem(400, "bad-request");
        Api.get("/summaries/%00").assertProblem(400, "bad-request");
        Api.get("/polls?page=%00").assertProblem(400, "bad-request");
        Api.get("/admin/directory/staff?q=%00", "Authorization", Api.OPERATOR).assertProblem(400, "bad-request");
        // and a well-formed code that names nothing is still simply not found
        Api.get("/events/000000/state").assertProblem(404, "event-not-found");
    }

    @Test
    void unknownPollIs404() {
        Api.get("/polls/" + UUID.randomUUID()).assertProblem(404, "poll-not-found");
        Api.get("/polls/not-a-uuid").assertProblem(404, "poll-not-found");
        Api.send("POST", "/polls/" + UUID.randomUUID() + "/ballots", ballot(List.of(1L), List.of(1L)).toString(),
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(404, "poll-not-found");
    }

    @Test
    void aDraftIsNotFoundAndAClosedPollIsNotOpen() {
        JsonObject draft = Polls.createDraft(Polls.draft("초안", "OPEN", "LIVE", Polls.question("YES_NO", "예?")));
        Api.get("/polls/" + draft.getString("id")).assertProblem(404, "poll-not-found");

        JsonObject closed = Polls.open(Polls.draft("마감", "OPEN", "LIVE", Polls.question("YES_NO", "예?")));
        Polls.close(closed.getString("id"));
        Api.send("POST", "/polls/" + closed.getString("id") + "/ballots",
                Polls.ballot(Polls.questionId(closed, 0), Polls.optionIds(closed, 0).get(0)).toString(),
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(409, "poll-not-open");
        Api.post("/admin/polls/" + closed.getString("id") + "/close", null, "Authorization", Api.OPERATOR)
                .assertProblem(409, "poll-illegal-transition");
    }

    @Test
    void anOptionFromAnotherQuestionIsRefused() {
        long before = ballots();
        long fromSecondQuestion = Polls.optionIds(poll, 1).get(0);
        cast(ballot(List.of(fromSecondQuestion), List.of(Polls.optionIds(poll, 1).get(1))))
                .assertProblem(422, "ballot-option-not-in-question");
        assertEquals(before, ballots(), "no ballot was recorded");
    }

    @Test
    void tooManyAndTooFewSelectionsAreRefused() {
        long before = ballots();
        List<Long> first = Polls.optionIds(poll, 0);
        List<Long> second = Polls.optionIds(poll, 1);
        cast(ballot(List.of(first.get(0), first.get(1)), List.of(second.get(0))))
                .assertProblem(422, "ballot-too-many-selections");
        cast(ballot(List.of(first.get(0)), List.of(second.get(0), second.get(1), second.get(2))))
                .assertProblem(422, "ballot-too-many-selections");
        cast(ballot(List.of(), List.of(second.get(0)))).assertProblem(422, "ballot-too-few-selections");
        cast(Json.createObjectBuilder().add("answers", Json.createArrayBuilder().add(Json.createObjectBuilder()
                .add("questionId", Polls.questionId(poll, 0)).add("optionIds", Json.createArrayBuilder().add(first.get(0)))))
                .build()).assertProblem(422, "ballot-missing-answer");
        cast(Json.createObjectBuilder().add("answers", Json.createArrayBuilder()).build())
                .assertProblem(400, "validation-failed");
        assertEquals(before, ballots(), "no ballot was recorded");
    }

    @Test
    void aSixthQuestionIsRefusedWhenCreatingAndWhenAdding() {
        jakarta.json.JsonObjectBuilder[] questions = new jakarta.json.JsonObjectBuilder[6];
        for (int i = 0; i < 6; i++) {
            questions[i] = Polls.question("YES_NO", "질문 " + (i + 1));
        }
        Polls.ensureDepartment();
        Api.post("/admin/polls", Polls.draft("여섯 질문", "OPEN", "LIVE", questions).build(), "Authorization", Api.OPERATOR)
                .assertProblem(422, "too-many-questions");

        jakarta.json.JsonObjectBuilder[] fiveQuestions = new jakarta.json.JsonObjectBuilder[5];
        for (int i = 0; i < 5; i++) {
            fiveQuestions[i] = Polls.question("YES_NO", "질문 " + (i + 1));
        }
        JsonObject draft = Polls.createDraft(Polls.draft("다섯 질문", "OPEN", "LIVE", fiveQuestions));
        assertEquals(5, draft.getJsonArray("questions").size());
        Api.post("/admin/polls/" + draft.getString("id") + "/questions",
                Polls.question("YES_NO", "여섯 번째").build(), "Authorization", Api.OPERATOR)
                .assertProblem(422, "too-many-questions");
        assertEquals(5, Database.count("SELECT count(*) FROM question WHERE poll_id = ?::uuid", draft.getString("id")));
    }

    @Test
    void missingExpiredAndForgedTokensAre401() {
        long before = ballots();
        Api.Reply missing = Api.send("POST", "/polls/" + pollId + "/ballots", ballot(List.of(1L), List.of(1L)).toString(),
                "Idempotency-Key", UUID.randomUUID().toString());
        missing.assertProblem(401, "token-missing");
        assertTrue(missing.header("WWW-Authenticate").startsWith("Bearer"));

        String expired = TestTokens.signedWithServerKey(Instant.now().minusSeconds(60).getEpochSecond());
        Api.send("POST", "/polls/" + pollId + "/ballots", ballot(List.of(1L), List.of(1L)).toString(),
                "Authorization", "Bearer " + expired, "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(401, "token-expired");

        Api.send("POST", "/polls/" + pollId + "/ballots", ballot(List.of(1L), List.of(1L)).toString(),
                "Authorization", "Bearer " + TestTokens.signedWithOtherKey(), "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(401, "token-forged");

        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1].substring(0, parts[1].length() - 2) + "AA." + parts[2];
        Api.send("POST", "/polls/" + pollId + "/ballots", ballot(List.of(1L), List.of(1L)).toString(),
                "Authorization", "Bearer " + tampered, "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(401, "token-forged");
        Api.send("POST", "/polls/" + pollId + "/ballots", ballot(List.of(1L), List.of(1L)).toString(),
                "Authorization", "Bearer garbage", "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(401, "token-malformed");
        Api.send("POST", "/polls/" + pollId + "/ballots", ballot(List.of(1L), List.of(1L)).toString(),
                "Authorization", "Basic b3BlcmF0b3I6eA==", "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(401, "staff-login-failed"); // Basic is a staff login, and this one is wrong
        assertEquals(before, ballots(), "no ballot was recorded");
    }

    @Test
    void aMissingOrWeakIdempotencyKeyIsRefused() {
        Api.send("POST", "/polls/" + pollId + "/ballots", ballot(List.of(1L), List.of(1L)).toString(),
                "Authorization", "Bearer " + token).assertProblem(400, "idempotency-key-required");
        Api.send("POST", "/polls/" + pollId + "/ballots", ballot(List.of(1L), List.of(1L)).toString(),
                "Authorization", "Bearer " + token, "Idempotency-Key", "short").assertProblem(400, "idempotency-key-required");
        Api.send("POST", "/polls/" + pollId + "/ballots", ballot(List.of(1L), List.of(1L)).toString(),
                "Authorization", "Bearer " + token, "Idempotency-Key", "a".repeat(40)).assertProblem(400, "idempotency-key-required");
    }

    @Test
    void anOversizedBodyIs413WithOrWithoutALength() {
        long before = ballots();
        String big = "{\"answers\":[],\"padding\":\"" + "x".repeat(70 * 1024) + "\"}";
        Api.send("POST", "/polls/" + pollId + "/ballots", big,
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(413, "payload-too-large");
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(Api.BASE + "/polls/" + pollId + "/ballots"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build();
        Api.send(chunked).assertProblem(413, "payload-too-large");
        assertEquals(before, ballots(), "no ballot was recorded");
    }

    @Test
    void aBodyOverAMebibyteIsA413ProblemTooWithOrWithoutALength() throws Exception {
        // once answered 400 with an empty body and the connection closed (Undertow's own limit)
        long before = ballots();
        String huge = "{\"answers\":[],\"padding\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        Api.send("POST", "/polls/" + pollId + "/ballots", huge,
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(413, "payload-too-large");
        HttpRequest chunked = HttpRequest.newBuilder(URI.create(Api.BASE + "/polls/" + pollId + "/ballots"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                .build();
        Api.send(chunked).assertProblem(413, "payload-too-large");
        // a file upload of the API may be bigger (1 MiB), but not 2 MiB
        Api.send("POST", "/summaries/verify", huge, "Content-Type", "application/pdf")
                .assertProblem(413, "payload-too-large");
        // a body announced far beyond Undertow's own limit is refused from its headers, before it is sent
        URI base = URI.create(Api.BASE);
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + base.getPath() + "/polls/" + pollId + "/ballots HTTP/1.1\r\nHost: " + base.getHost()
                    + "\r\nContent-Type: application/json\r\nContent-Length: 104857600\r\nAuthorization: Bearer " + token
                    + "\r\nIdempotency-Key: " + UUID.randomUUID() + "\r\n\r\n{\"answers\":[";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readNBytes(4096), StandardCharsets.UTF_8);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.contains("application/problem+json") && answer.contains("payload-too-large"), answer);
        }
        assertEquals(before, ballots(), "no ballot was recorded");
    }

    @Test
    void aWrongContentTypeIs415() {
        Api.send("POST", "/polls/" + pollId + "/ballots", "answers=1", "Content-Type", "text/plain",
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(415, "unsupported-media-type");
        Api.send("POST", "/auth/codes", "<phone/>", "Content-Type", "application/xml")
                .assertProblem(415, "unsupported-media-type");
    }

    @Test
    void aSecondVoteIs409AndTheFirstStays() {
        String voter = Citizens.signIn(Citizens.newPhone());
        JsonObject good = ballot(List.of(Polls.optionIds(poll, 0).get(2)), List.of(Polls.optionIds(poll, 1).get(3)));
        long before = ballots();
        Api.Reply first = Api.send("POST", "/polls/" + pollId + "/ballots", good.toString(),
                "Authorization", "Bearer " + voter, "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, first.status(), first.body());
        Api.send("POST", "/polls/" + pollId + "/ballots", good.toString(),
                "Authorization", "Bearer " + voter, "Idempotency-Key", UUID.randomUUID().toString(),
                "X-MVoting-Channel", "APP").assertProblem(409, "already-voted");
        assertEquals(before + 1, ballots());
    }

    @Test
    void badSignInInputsAreClearProblems() {
        Api.post("/auth/codes", Json.createObjectBuilder().add("phone", "02-123-4567").build())
                .assertProblem(422, "phone-invalid");
        Api.post("/auth/codes", Json.createObjectBuilder().add("phone", "hello").build())
                .assertProblem(422, "phone-invalid");
        Api.post("/auth/codes", Json.createObjectBuilder().build()).assertProblem(400, "validation-failed");
        Api.post("/auth/codes", "{\"phone\": null}").assertProblem(400, "validation-failed");
        Api.post("/auth/tokens", Json.createObjectBuilder().add("phone", Citizens.newPhone()).add("code", "123456").build())
                .assertProblem(400, "code-no-active-code");
    }

    @Test
    void administrationNeedsTheStaffLoginAndValidInput() {
        Api.Reply anonymous = Api.post("/admin/polls", Polls.draft("x", "OPEN", "LIVE", Polls.question("YES_NO", "?")).build());
        anonymous.assertProblem(401, "staff-login-required");
        assertTrue(anonymous.header("WWW-Authenticate").startsWith("Basic"));
        Api.post("/admin/polls", Polls.draft("x", "OPEN", "LIVE", Polls.question("YES_NO", "?")).build(),
                "Authorization", Api.basic("it.operator", "wrong"))
                .assertProblem(401, "staff-login-failed");

        JsonObject invalid = Api.post("/admin/polls", Polls.draft("", "OPEN", "LIVE", Polls.question("YES_NO", "?"))
                .remove("closesAt").build(), "Authorization", Api.OPERATOR).assertProblem(400, "validation-failed");
        List<String> fields = invalid.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .map(e -> e.getString("field")).toList();
        assertTrue(fields.contains("title") && fields.contains("closesAt"), fields.toString());

        Api.post("/admin/polls", Polls.draft("x", "OPEN", "LIVE", Polls.question("SINGLE_CHOICE", "보기 하나", "혼자")).build(),
                "Authorization", Api.OPERATOR).assertProblem(422, "poll-too-few-options");
        Api.post("/admin/polls", Polls.draft("x", "OPEN", "LIVE", Polls.question("YES_NO", "?"))
                .add("departmentCode", "NOPE").build(), "Authorization", Api.OPERATOR).assertProblem(422, "department-not-found");
        JsonObject backwards = Polls.draft("x", "OPEN", "LIVE", Polls.question("YES_NO", "?"))
                .add("closesAt", Instant.now().minusSeconds(86_400).toString()).build();
        Api.post("/admin/polls", backwards, "Authorization", Api.OPERATOR).assertProblem(422, "poll-schedule-backwards");
    }

    @Test
    void protocolMistakesAreProblemsToo() {
        Api.get("/no-such-thing").assertProblem(404, "not-found");
        Api.Reply wrongMethod = Api.send("DELETE", "/polls/" + pollId, null);
        wrongMethod.assertProblem(405, "method-not-allowed");
        Api.get("/polls?page=abc").assertProblem(400, "bad-request");
        assertEquals(200, Api.get("/polls?page=2147483647").status(), "a huge page is just empty");
        Api.get("/polls", "Accept-Language", "en;q=x,,;").assertProblem(400, "bad-request");
        JsonObject page = Api.get("/polls?page=0&size=1").json();
        assertEquals(1, page.getInt("size"));
        assertTrue(page.getJsonNumber("total").longValue() >= 1);
    }

    @Test
    void outsideTheApiAnUnknownPageIsAShortKoreanPage() {
        Api.Reply page = Api.send(HttpRequest.newBuilder(URI.create(Api.BASE.replace("/api/v1", "/no-such-page"))).build());
        assertEquals(404, page.status());
        assertTrue(page.header("Content-Type").startsWith("text/html"), page.header("Content-Type"));
        assertTrue(page.body().contains("찾을 수 없습니다"), page.body());
        page.assertNoInternals();
    }

    @Test
    void theOpenApiDocumentIsServed() {
        Api.Reply doc = Api.get("/openapi.yaml");
        assertEquals(200, doc.status());
        assertTrue(doc.body().startsWith("openapi: 3.1.0"));
        assertTrue(doc.body().contains("/polls/{pollId}/ballots:"));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void withTheDatabaseGoneRequestsAre503WithRetryAfterAtOnceAndServiceComesBackByItself() {
        // once every request answered 500 internal-error while PostgreSQL was down
        String voter = Citizens.signIn(Citizens.newPhone());
        String key = UUID.randomUUID().toString();
        String paper = ballot(List.of(Polls.optionIds(poll, 0).get(1)), List.of(Polls.optionIds(poll, 1).get(1))).toString();
        long before = ballots();
        try {
            Database.cutOff();
            long start = System.nanoTime();
            Api.Reply read = Api.get("/polls?page=0&size=5");
            long readMillis = (System.nanoTime() - start) / 1_000_000;
            read.assertProblem(503, "service-unavailable");
            assertTrue(Integer.parseInt(read.header("Retry-After")) > 0, read.header("Retry-After"));
            start = System.nanoTime();
            Api.Reply vote = Api.send("POST", "/polls/" + pollId + "/ballots", paper,
                    "Authorization", "Bearer " + voter, "Idempotency-Key", key);
            long voteMillis = (System.nanoTime() - start) / 1_000_000;
            vote.assertProblem(503, "service-unavailable");
            assertTrue(Integer.parseInt(vote.header("Retry-After")) > 0, vote.header("Retry-After"));
            assertTrue(readMillis < 1_000 && voteMillis < 1_000, "answered in " + readMillis + " and " + voteMillis + " ms");
        } finally {
            Database.restore();
        }
        long back = System.nanoTime();
        Api.Reply read = Api.get("/polls?page=0&size=5");
        while (read.status() != 200 && System.nanoTime() - back < 10_000_000_000L) {
            Citizens.sleep(250);
            read = Api.get("/polls?page=0&size=5");
        }
        assertEquals(200, read.status(), "service is back within 10 s: " + read.body());
        // the vote refused during the outage, sent again with its key: exactly one ballot
        Api.Reply retried = Api.send("POST", "/polls/" + pollId + "/ballots", paper,
                "Authorization", "Bearer " + voter, "Idempotency-Key", key);
        assertEquals(201, retried.status(), retried.body());
        Api.Reply again = Api.send("POST", "/polls/" + pollId + "/ballots", paper,
                "Authorization", "Bearer " + voter, "Idempotency-Key", key);
        assertEquals(retried.json().getString("receipt"), again.json().getString("receipt"), again.body());
        assertEquals(before + 1, ballots(), "one ballot, neither lost nor doubled");
    }
}
