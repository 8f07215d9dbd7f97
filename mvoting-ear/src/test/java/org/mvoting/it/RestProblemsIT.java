package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mvoting.infrastructure.crypto.ServerSecretCheck;
import org.mvoting.infrastructure.crypto.ServerSecrets;

/**
 * Every bad input the API can receive answers with an RFC 9457 problem of the right status and type,
 * in Korean by default and English on request, never with server internals, and never changes a count. Also what
 * every answer tells the browser (Content-Security-Policy, framing, referrers, HSTS on HTTPS, the portal session
 * cookie), and the one server secret a database accepts.
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

    @ArquillianResource
    private ManagementClient management;

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
        // nested deeper than the JSON reader goes (found by BallotJsonFuzzTest): once a 500 incident
        JsonObject tooDeep = Api.send("POST", "/polls/" + pollId + "/ballots", "[".repeat(1001),
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(400, "malformed-json");
        assertFalse(tooDeep.containsKey("incident"), tooDeep.toString());
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

    // --- Browser hardening (issue 14, point 6)

    private static final String SITE = Api.BASE.replaceFirst("/api/v1$", "");
    private static final String HTTPS_SITE = "https://127.0.0.1:8443";
    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=]+)'");

    @Test
    void thePortalTheMobileWebThePresenterAndTheApiEachSendTheirBrowserPolicy() {
        HttpClient http = plainClient();
        Api.Reply login = fetch(http, SITE + "/login.xhtml");
        assertEquals(200, login.status());
        String portalPolicy = login.header("Content-Security-Policy");
        Matcher nonce = NONCE.matcher(portalPolicy);
        assertTrue(nonce.find(), portalPolicy);
        assertTrue(portalPolicy.contains("frame-ancestors 'none'") && portalPolicy.contains("object-src 'none'"), portalPolicy);
        assertFalse(scriptSource(portalPolicy).contains("unsafe-inline"), portalPolicy);
        assertFalse(portalPolicy.contains("unsafe-eval"), portalPolicy);
        // every script on the page is a file of the site or carries the page's nonce; no inline handler is left
        assertFalse(Pattern.compile("<script(?![^>]*\\bsrc=)(?![^>]*nonce=\"" + Pattern.quote(nonce.group(1)) + "\")")
                .matcher(login.body()).find(), login.body());
        assertFalse(Pattern.compile("\\son(click|change|load|submit|keyup|keydown)=", Pattern.CASE_INSENSITIVE)
                .matcher(login.body()).find(), login.body());

        for (String page : List.of("/m/", "/m/present.html", "/m/check.html", "/")) {
            Api.Reply reply = fetch(http, SITE + page);
            assertEquals(200, reply.status(), page);
            String policy = reply.header("Content-Security-Policy");
            assertEquals("'self'", scriptSource(policy), page + ": " + policy);
            assertTrue(policy.contains("style-src 'self';") && policy.contains("frame-ancestors 'none'"), policy);
            assertFalse(reply.body().contains("<script>") || reply.body().contains("<style>"), page + " has inline code");
        }
        Api.Reply api = Api.get("/polls");
        assertEquals(200, api.status());
        assertEquals("default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
                api.header("Content-Security-Policy"));

        Api.Reply toLogin = fetch(http, SITE + "/admin/index.xhtml");
        assertEquals(302, toLogin.status(), "the staff filter sends a visitor to the login page");
        Api.Reply refused = Api.get("/admin/me", "Authorization", Api.basic("no.such.staff", "wrong"));
        assertEquals(401, refused.status());
        // also the answers other filters give before any page or resource: the policy's filter comes first
        for (Api.Reply reply : List.of(login, fetch(http, SITE + "/m/"), fetch(http, SITE + "/m/present.html"), api,
                Api.get("/no-such-thing"), toLogin, refused)) {
            assertEquals("DENY", reply.header("X-Frame-Options"));
            assertEquals("nosniff", reply.header("X-Content-Type-Options"));
            assertEquals("strict-origin-when-cross-origin", reply.header("Referrer-Policy"));
            assertNull(reply.header("Strict-Transport-Security"), "no HSTS over plain HTTP");
        }
    }

    @Test
    void thePortalSessionCookieIsHttpOnlyAndSameSiteAndSecureOnlyOverHttpsWhereHstsIsSent() {
        Api.Reply overHttp = logIn(plainClient(), SITE);
        String cookie = sessionCookie(overHttp).toLowerCase(Locale.ROOT); // attribute names are case-insensitive
        assertTrue(cookie.contains("; httponly") && cookie.contains("; samesite=lax"), cookie);
        assertFalse(cookie.contains("; secure"), "plain HTTP cannot carry a Secure cookie back: " + cookie);
        assertNull(overHttp.header("Strict-Transport-Security"));

        HttpClient https = trustingClient();
        Api.Reply overHttps = logIn(https, HTTPS_SITE);
        String secureCookie = sessionCookie(overHttps).toLowerCase(Locale.ROOT);
        assertTrue(secureCookie.contains("; secure") && secureCookie.contains("; httponly")
                && secureCookie.contains("; samesite=lax"), secureCookie);
        assertEquals("max-age=31536000", overHttps.header("Strict-Transport-Security"));
        Api.Reply mobile = fetch(https, HTTPS_SITE + "/m/");
        assertEquals("max-age=31536000", mobile.header("Strict-Transport-Security"));
        String device = mobile.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("mvoting_device="))
                .findFirst().orElseThrow(() -> new AssertionError(mobile.headers().map())).toLowerCase(Locale.ROOT);
        assertTrue(device.contains("; secure") && device.contains("; samesite=lax"), device);
    }

    @Test
    void aFailedStaffLoginAnswersInKoreanUnlessTheClientAsksForEnglishOnTheApiAndOnThePortalLoginPage() {
        // REST, Basic: once English without an Accept-Language (the servlet API offers the JVM's locale then); from
        // addresses of its own, so these failures count against no other test's address
        Api.Reply korean = Api.getFrom("127.0.0.61", "/admin/me", "Authorization", Api.basic("it.nobody-ko", "wrong"));
        assertEquals("로그인할 수 없습니다", korean.assertProblem(401, "staff-login-failed").getString("title"));
        assertEquals("ko", korean.header("Content-Language"));
        Api.Reply english = Api.getFrom("127.0.0.62", "/admin/me", "Authorization", Api.basic("it.nobody-en", "wrong"),
                "Accept-Language", "en");
        assertEquals("Login failed", english.assertProblem(401, "staff-login-failed").getString("title"));
        assertEquals("en", english.header("Content-Language"));
        Api.Reply koreanFirst = Api.getFrom("127.0.0.63", "/admin/me", "Authorization", Api.basic("it.nobody-ko", "wrong"),
                "Accept-Language", "ko-KR,ko;q=0.9,en;q=0.8");
        assertEquals("로그인할 수 없습니다", koreanFirst.assertProblem(401, "staff-login-failed").getString("title"));

        // the portal's login page, as a browser without (and with) a language preference sees it
        String koreanPage = failedPortalLogin(null);
        assertTrue(koreanPage.contains("lang=\"ko\"") && koreanPage.contains("포털 ID 또는 비밀번호가 맞지 않거나"),
                koreanPage);
        String englishPage = failedPortalLogin("en-US,en;q=0.9");
        assertTrue(englishPage.contains("lang=\"en\"")
                && englishPage.contains("The portal ID or password is wrong"), englishPage);
    }

    /** A wrong password through the portal's login form in a new session; the page that answers it. */
    private static String failedPortalLogin(String acceptLanguage) {
        HttpClient http = plainClient();
        HttpRequest.Builder get = HttpRequest.newBuilder(URI.create(SITE + "/login.xhtml"));
        if (acceptLanguage != null) {
            get.header("Accept-Language", acceptLanguage);
        }
        Api.Reply form = send(http, get.build());
        String session = cookieValue(sessionCookie(form));
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(viewState.find(), form.body());
        Matcher nonce = NONCE.matcher(form.header("Content-Security-Policy"));
        assertTrue(nonce.find());
        String body = String.join("&", "login=login", "login%3Aid=it.nobody-portal", "login%3Apassword=wrong",
                "login%3Anext=", "login%3Asubmit=",
                "jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8),
                "primefaces.nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8));
        HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(SITE + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + session)
                .header("Origin", SITE).POST(HttpRequest.BodyPublishers.ofString(body));
        if (acceptLanguage != null) {
            post.header("Accept-Language", acceptLanguage);
        }
        Api.Reply failed = send(http, post.build());
        assertEquals(200, failed.status(), failed.body());
        return failed.body();
    }

    /** Logs it.operator into the portal through its login form, as a browser would; the answer to the form. */
    private static Api.Reply logIn(HttpClient http, String site) {
        Api.Reply form = fetch(http, site + "/login.xhtml");
        String session = cookieValue(sessionCookie(form));
        Matcher viewState = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
        assertTrue(viewState.find(), form.body());
        Matcher nonce = NONCE.matcher(form.header("Content-Security-Policy"));
        assertTrue(nonce.find());
        String body = String.join("&", "login=login", "login%3Aid=it.operator",
                "login%3Apassword=" + Api.DEMO_PASSWORD, "login%3Anext=", "login%3Asubmit=",
                "jakarta.faces.ViewState=" + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8),
                "primefaces.nonce=" + URLEncoder.encode(nonce.group(1), StandardCharsets.UTF_8));
        Api.Reply loggedIn = send(http, HttpRequest.newBuilder(URI.create(site + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", "JSESSIONID=" + session)
                .header("Origin", site).POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertEquals(302, loggedIn.status(), loggedIn.body());
        assertTrue(loggedIn.header("Location").contains("/admin/"), loggedIn.header("Location"));
        String fresh = cookieValue(sessionCookie(loggedIn));
        assertFalse(fresh.equals(session), "a new session id after login");
        Api.Reply portal = send(http, HttpRequest.newBuilder(URI.create(site + "/admin/index.xhtml"))
                .header("Cookie", "JSESSIONID=" + fresh).build());
        assertEquals(200, portal.status(), "the portal opens with the session");
        assertTrue(portal.body().contains("it.operator") || portal.body().contains("id=\"me\""), portal.body());
        assertTrue(NONCE.matcher(portal.header("Content-Security-Policy")).find(), portal.header("Content-Security-Policy"));
        return loggedIn;
    }

    private static String sessionCookie(Api.Reply reply) {
        return reply.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + reply.headers().map()));
    }

    private static String cookieValue(String setCookie) {
        return setCookie.substring("JSESSIONID=".length(), setCookie.indexOf(';'));
    }

    private static String scriptSource(String policy) {
        for (String directive : policy.split(";")) {
            if (directive.strip().startsWith("script-src ")) {
                return directive.strip().substring("script-src ".length());
            }
        }
        throw new AssertionError("no script-src in " + policy);
    }

    private static Api.Reply fetch(HttpClient http, String url) {
        return send(http, HttpRequest.newBuilder(URI.create(url)).build());
    }

    private static Api.Reply send(HttpClient http, HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Api.Reply(response.statusCode(), response.headers(), response.body());
        } catch (java.io.IOException e) {
            throw new IllegalStateException(request.uri().toString(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpClient plainClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** HTTPS to the test server's own self-signed certificate (WildFly makes it on the first TLS connection). */
    private static HttpClient trustingClient() {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {new X509ExtendedTrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String auth, Socket socket) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String auth, Socket socket) {
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String auth, SSLEngine engine) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String auth, SSLEngine engine) {
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String auth) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String auth) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, new SecureRandom());
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                    .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- One server secret (issue 14, point 2)

    @Test
    void theDatabaseKeepsTheFingerprintOfItsFirstSecretAndANodeWithAnotherSecretIsRefused() throws Exception {
        String ours = ServerSecrets.fingerprintOf(System.getProperty("mvoting.test.secret"));
        String theirs = ServerSecrets.fingerprintOf("another-secret-than-the-test-server-has-0123456789");
        // the test server stored its secret's fingerprint when it first started (and only that: never the secret)
        assertEquals(List.of(List.of(ours)), Database.rows("SELECT fingerprint FROM server_secret"));
        assertEquals(0, Database.count("SELECT count(*) FROM server_secret WHERE fingerprint LIKE ?",
                "%" + System.getProperty("mvoting.test.secret") + "%"));

        try (Connection connection = Database.connect()) {
            ServerSecretCheck.check(connection, ours); // a second node with the same secret starts

            IllegalStateException refused = assertThrows(IllegalStateException.class,
                    () -> ServerSecretCheck.check(connection, theirs));
            assertTrue(refused.getMessage().contains(ours.substring(0, 12)), refused.getMessage());
            assertTrue(refused.getMessage().contains(theirs.substring(0, 12)), refused.getMessage());
            assertTrue(refused.getMessage().contains("MVOTING_SECRET"), refused.getMessage());
        }
        assertEquals(List.of(List.of(ours)), Database.rows("SELECT fingerprint FROM server_secret"), "kept as it was");

        // on a database's first start the first node's fingerprint is stored (here in a transaction undone at once)
        try (Connection connection = Database.connect()) {
            connection.setAutoCommit(false);
            try (Statement wipe = connection.createStatement()) {
                wipe.executeUpdate("DELETE FROM server_secret");
            }
            ServerSecretCheck.check(connection, theirs);
            assertThrows(IllegalStateException.class, () -> ServerSecretCheck.check(connection, ours));
            connection.rollback();
        }
        assertEquals(List.of(List.of(ours)), Database.rows("SELECT fingerprint FROM server_secret"));
    }

    // --- Operations: what the balancer and the city's monitoring see (issue 16)

    /** A directory that cannot be reached: nothing listens on port 1 of this machine. */
    private static final String DEAD_DIRECTORY = "ldap://127.0.0.1:1";

    private static JsonObject check(JsonObject health, String name) {
        return health.getJsonArray("checks").stream().map(JsonObject.class::cast)
                .filter(c -> c.getString("name").equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check " + name + " in " + health));
    }

    /** Neither a stack trace nor where the database, the directory or the broker are, nor who logs in. */
    private static void assertNothingInternal(Api.Reply reply) {
        reply.assertNoInternals();
        for (String leak : new String[] {"127.0.0.1", "localhost", "5432", "ldap:", Database.name(), "mvoting-sync",
                "postgres", "jdbc", "Connection", "refused:"}) {
            assertFalse(reply.body().contains(leak), () -> "the answer leaks '" + leak + "': " + reply.body());
        }
    }

    @Test
    void theBalancerSeesTheNodeLiveAndReadyWithoutCredentialsAndNothingInternal() {
        Api.Reply live = Operations.health("live");
        assertEquals(200, live.status(), live.body());
        assertEquals("UP", live.json().getString("status"));
        assertEquals("no-store", live.header("Cache-Control"));

        Api.Reply ready = Operations.health("ready");
        assertEquals(200, ready.status(), ready.body());
        assertTrue(ready.header("Content-Type").startsWith("application/json"), ready.header("Content-Type"));
        JsonObject health = ready.json();
        assertEquals("UP", health.getString("status"));
        for (String name : List.of("database", "directory", "messaging")) {
            assertEquals("UP", check(health, name).getString("status"), health.toString());
        }
        assertEquals(3, health.getJsonArray("checks").size(), health.toString());
        assertFalse(check(health, "directory").getJsonObject("data").getBoolean("required"), "by default not required");
        assertNothingInternal(ready);

        // a citizen's or a member of staff's credentials change nothing, and anything else under /health is not found
        Api.Reply withStaff = Api.send(HttpRequest.newBuilder(URI.create(Browser.SITE + "/health/ready"))
                .header("Authorization", Api.basic("it.operator", "wrong-password")).build());
        assertEquals(200, withStaff.status(), "the health check is no login: " + withStaff.body());
        assertEquals(404, Operations.health("everything").status());
        assertEquals(404, Operations.health("").status());
    }

    @Test
    void withTheDirectoryGoneTheNodeStaysReadyUnlessTheCityRequiresTheDirectory() throws IOException {
        try {
            ServerProperties.set(management, "mvoting.ldap.url", DEAD_DIRECTORY);
            long start = System.nanoTime();
            Api.Reply ready = Operations.health("ready");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(200, ready.status(), "citizens vote without the directory: " + ready.body());
            JsonObject directory = check(ready.json(), "directory");
            assertEquals("DOWN", directory.getString("status"), ready.body());
            assertEquals("unreachable", directory.getJsonObject("data").getString("reason"));
            assertEquals("UP", check(ready.json(), "database").getString("status"));
            assertTrue(millis < 2_000, "answered in " + millis + " ms");
            assertNothingInternal(ready);

            ServerProperties.set(management, "mvoting.ready.requires.directory", "true");
            Api.Reply required = Operations.health("ready");
            assertEquals(503, required.status(), required.body());
            assertEquals("DOWN", required.json().getString("status"));
            assertTrue(check(required.json(), "directory").getJsonObject("data").getBoolean("required"));
            assertEquals(200, Operations.health("live").status(), "alive all the same");

            ServerProperties.remove(management, "mvoting.ldap.url");
            Api.Reply back = Operations.health("ready");
            assertEquals(200, back.status(), "the directory is back: " + back.body());
            assertEquals("UP", check(back.json(), "directory").getString("status"));
        } finally {
            ServerProperties.remove(management, "mvoting.ldap.url");
            ServerProperties.remove(management, "mvoting.ready.requires.directory");
        }
    }

    /** The four handlers 05-logging.cli sets up, each with the expression that switches it by the log format. */
    private static final List<List<String>> LOG_HANDLERS = List.of(
            List.of("console-handler", "CONSOLE", "text"), List.of("periodic-rotating-file-handler", "FILE", "text"),
            List.of("console-handler", "CONSOLE-JSON", "json"), List.of("periodic-rotating-file-handler", "FILE-JSON", "json"));

    /** Makes the handlers take the log format now in force, as a restart would (the expression is read again). */
    private void applyLogFormat() throws IOException {
        for (List<String> handler : LOG_HANDLERS) {
            ModelNode address = new ModelNode();
            address.add("subsystem", "logging").add(handler.get(0), handler.get(1));
            ModelNode expression = management.getControllerClient().execute(op("read-attribute", address, "enabled", null))
                    .get("result");
            assertEquals("${mvoting.log." + handler.get(2) + "-handlers.${mvoting.log.format:${env.MVOTING_LOG_FORMAT:text}}}",
                    expression.asString(), handler.get(1) + " follows the log format");
            for (ModelNode value : List.of(new ModelNode(true), new ModelNode(false), expression)) {
                ModelNode result = management.getControllerClient().execute(op("write-attribute", address, "enabled", value));
                assertEquals("success", result.get("outcome").asString(), result.toString());
            }
        }
    }

    private static ModelNode op(String operation, ModelNode address, String name, ModelNode value) {
        ModelNode op = new ModelNode();
        op.get("operation").set(operation);
        op.get("address").set(address);
        op.get("name").set(name);
        if (value != null) {
            op.get("value").set(value);
        }
        return op;
    }

    /** Lines of a log file that mention the directory being unavailable (the WARN a failed staff login writes). */
    private static List<String> directoryWarnings(Path log) throws IOException {
        if (!Files.exists(log)) {
            return List.of();
        }
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
                .filter(l -> l.contains("Staff login impossible, the directory is unavailable")).toList();
    }

    private static void staffLoginWhileTheDirectoryIsGone() {
        Api.get("/admin/sms-guard", "Authorization", Api.basic("it.operator", "not-cached-" + UUID.randomUUID()));
    }

    private static List<String> awaitMore(Path log, int than) throws IOException {
        long deadline = System.currentTimeMillis() + 5_000;
        List<String> lines = directoryWarnings(log);
        while (lines.size() <= than && System.currentTimeMillis() < deadline) {
            Citizens.sleep(100);
            lines = directoryWarnings(log);
        }
        return lines;
    }

    @Test
    void jsonLogsAreOneSettingAwayAndTheDefaultStaysWildFlysText() throws IOException {
        Path logs = Path.of(System.getProperty("jboss.home"), "standalone", "log");
        Path text = logs.resolve("server.log");
        Path json = logs.resolve("server.json");
        ModelNode formatter = new ModelNode();
        formatter.add("subsystem", "logging").add("json-formatter", "JSON");
        ModelNode read = new ModelNode();
        read.get("operation").set("read-resource");
        read.get("address").set(formatter);
        assertEquals("success", management.getControllerClient().execute(read).get("outcome").asString(),
                "WildFly's json-formatter is configured");
        try {
            ServerProperties.set(management, "mvoting.ldap.url", DEAD_DIRECTORY);
            // the default: text in server.log, nothing in server.json
            int textBefore = directoryWarnings(text).size();
            int jsonBefore = directoryWarnings(json).size();
            staffLoginWhileTheDirectoryIsGone();
            assertTrue(awaitMore(text, textBefore).size() > textBefore, "the WARN is in server.log");
            assertEquals(jsonBefore, directoryWarnings(json).size(), "and not in server.json");

            ServerProperties.set(management, "mvoting.log.format", "json");
            applyLogFormat();
            int textNow = directoryWarnings(text).size();
            staffLoginWhileTheDirectoryIsGone();
            List<String> lines = awaitMore(json, jsonBefore);
            assertTrue(lines.size() > jsonBefore, "the WARN is in server.json");
            try (jakarta.json.JsonReader reader = Json.createReader(new java.io.StringReader(lines.get(lines.size() - 1)))) {
                JsonObject record = reader.readObject(); // one JSON object on one line
                assertEquals("WARNING", record.getString("level"), record.toString()); // java.util.logging's name
                assertEquals("org.mvoting.application.staff.StaffSignInService", record.getString("loggerName"));
                assertTrue(record.getString("message").startsWith("Staff login impossible"), record.toString());
                assertFalse(record.getString("timestamp").isBlank());
            }
            Citizens.sleep(300);
            assertEquals(textNow, directoryWarnings(text).size(), "server.log is off while the format is json");
        } finally {
            ServerProperties.remove(management, "mvoting.log.format");
            applyLogFormat();
            ServerProperties.remove(management, "mvoting.ldap.url");
        }
        // back to the default: text again
        ServerProperties.set(management, "mvoting.ldap.url", DEAD_DIRECTORY);
        try {
            int textAgain = directoryWarnings(text).size();
            int jsonAgain = directoryWarnings(json).size();
            staffLoginWhileTheDirectoryIsGone();
            assertTrue(awaitMore(text, textAgain).size() > textAgain, "server.log again");
            assertEquals(jsonAgain, directoryWarnings(json).size(), "server.json is off again");
        } finally {
            ServerProperties.remove(management, "mvoting.ldap.url");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE - 1)
    void withTheDatabaseGoneTheNodeIsNotReadyWithinASecondAndReadyAgainOnceItIsBack() {
        assertEquals(200, Operations.health("ready").status());
        try {
            Database.cutOff();
            long start = System.nanoTime();
            Api.Reply ready = Operations.health("ready");
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertEquals(503, ready.status(), ready.body());
            assertTrue(millis < 1_600, "the balancer hears at once: " + millis + " ms");
            JsonObject health = ready.json();
            assertEquals("DOWN", health.getString("status"));
            JsonObject database = check(health, "database");
            assertEquals("DOWN", database.getString("status"));
            assertTrue(database.getJsonObject("data").getBoolean("required"));
            assertTrue(List.of("unreachable", "timeout").contains(database.getJsonObject("data").getString("reason")), health.toString());
            assertEquals("UP", check(health, "messaging").getString("status"), "only the database is gone");
            assertNothingInternal(ready);
            // again: a pool whose idle connections were all cut answers as fast the second time
            start = System.nanoTime();
            assertEquals(503, Operations.health("ready").status());
            assertTrue((System.nanoTime() - start) / 1_000_000 < 1_600);
            assertEquals(200, Operations.health("live").status(), "alive: the balancer's liveness does not restart it");
        } finally {
            Database.restore();
        }
        long back = System.nanoTime();
        Api.Reply ready = Operations.health("ready");
        while (ready.status() != 200 && System.nanoTime() - back < 10_000_000_000L) {
            Citizens.sleep(250);
            ready = Operations.health("ready");
        }
        assertEquals(200, ready.status(), "ready again within 10 s: " + ready.body());
        assertEquals("UP", check(ready.json(), "database").getString("status"));
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
