package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Citizens ask citizens: public, password-protected and invite-only polls through the same ballot engine,
 * screening (personal information refused, other signals held for a moderator), reports that hide a poll,
 * the moderators' decisions, the daily limit and the proposer closing their poll.
 */
@ExtendWith(ArquillianExtension.class)
class CitizenPollIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    private ManagementClient management;

    private static final String MODERATOR = Api.basic("mod.park");

    private static JsonObjectBuilder draft(String title, String visibility, String... options) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        for (String o : options) {
            labels.add(o);
        }
        return Json.createObjectBuilder().add("title", title)
                .add("closesAt", Instant.now().plus(Duration.ofDays(2)).toString())
                .add("visibility", visibility).add("resultsVisibility", "LIVE")
                .add("questions", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("type", "SINGLE_CHOICE").add("text", "어느 쪽이 좋을까요?").add("options", labels)));
    }

    private static Api.Reply propose(String token, JsonObjectBuilder draft) {
        return Api.post("/citizen-polls", draft.build(), "Authorization", "Bearer " + token);
    }

    private static JsonObject proposed(String token, JsonObjectBuilder draft) {
        Api.Reply reply = propose(token, draft);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    /** Votes for the first option; extra headers (e.g. the poll password) may be given. */
    private static Api.Reply vote(String pollId, String token, String... extra) {
        JsonObject poll = Api.get("/polls/" + pollId).json();
        long question = poll.getJsonArray("questions").getJsonObject(0).getJsonNumber("id").longValue();
        long option = poll.getJsonArray("questions").getJsonObject(0).getJsonArray("options").getJsonObject(0)
                .getJsonNumber("id").longValue();
        List<String> headers = new java.util.ArrayList<>(List.of("Authorization", "Bearer " + token,
                "Idempotency-Key", UUID.randomUUID().toString()));
        headers.addAll(List.of(extra));
        return Api.send("POST", "/polls/" + pollId + "/ballots", Polls.ballot(question, option).toString(),
                headers.toArray(String[]::new));
    }

    private static List<String> directoryIds() {
        return Api.get("/citizen-polls?size=100").json().getJsonArray("items").stream()
                .map(p -> p.asJsonObject().getString("id")).toList();
    }

    @Test
    void publicAndInviteOnlyPollsTakeOneVotePerPhone() {
        var tokens = Citizens.signIn(List.of(Citizens.newPhone(), Citizens.newPhone(), Citizens.newPhone()));
        List<String> phones = List.copyOf(tokens.keySet());
        String proposer = tokens.get(phones.get(0));
        String neighbour = tokens.get(phones.get(1));
        String stranger = tokens.get(phones.get(2));

        JsonObject open = proposed(proposer, draft("우리 동네 벤치 색깔", "PUBLIC", "초록", "나무색"));
        assertEquals("OPEN", open.getString("status"));
        assertFalse(open.getString("shortCode").isBlank(), "shareable by link and QR");
        String id = open.getString("id");
        assertTrue(directoryIds().contains(id), "listed in the citizens' directory");
        assertFalse(Api.get("/polls?size=100").body().contains(id), "not among the city's polls");
        assertEquals(201, vote(id, neighbour).status());
        vote(id, neighbour).assertProblem(409, "already-voted");

        JsonObject invite = proposed(proposer, draft("반상회 날짜", "INVITE_ONLY", "토요일", "일요일")
                .add("invitees", Json.createArrayBuilder().add(phones.get(1)).add(phones.get(1).replace("+8210", "010"))));
        String inviteId = invite.getString("id");
        assertFalse(directoryIds().contains(inviteId), "invite-only polls are not listed");
        assertEquals(1, Database.count("SELECT count(*) FROM poll_listed_voter WHERE poll_id = ?::uuid", inviteId),
                "the same number twice is one invitee");
        assertEquals(201, vote(inviteId, neighbour).status());
        vote(inviteId, stranger).assertProblem(403, "not-eligible");
        propose(proposer, draft("빈 초대", "INVITE_ONLY", "예", "아니오")).assertProblem(422, "poll-invitees-required");

        // only the proposer closes it
        Api.post("/citizen-polls/" + id + "/close", null, "Authorization", "Bearer " + stranger)
                .assertProblem(404, "poll-not-found");
        JsonObject closed = Api.post("/citizen-polls/" + id + "/close", null, "Authorization", "Bearer " + proposer).json();
        assertEquals("CLOSED", closed.getString("status"));
        assertEquals(2, Api.get("/citizen-polls/mine", "Authorization", "Bearer " + proposer).jsonArray().size(),
                "the refused one was never created");
        Api.post("/citizen-polls", draft("x", "PUBLIC", "a", "b").build()).assertProblem(401, "token-missing");
        propose(proposer, draft("너무 짧은 투표", "PUBLIC", "a", "b").add("closesAt", Instant.now().plus(Duration.ofMinutes(1)).toString()))
                .assertProblem(422, "poll-citizen-poll-too-short");
        // an invite-only poll is reported only by the people it concerns
        Api.post("/citizen-polls/" + inviteId + "/reports", Json.createObjectBuilder().add("reason", "SPAM").build(),
                "Authorization", "Bearer " + stranger).assertProblem(404, "poll-not-found");
    }

    @Test
    void aPasswordPollNeedsItsPasswordAndWrongGuessesRunOut() {
        var tokens = Citizens.signIn(List.of(Citizens.newPhone(), Citizens.newPhone(), Citizens.newPhone()));
        List<String> t = List.copyOf(tokens.values());
        String password = "봄꽃축제2027";
        JsonObject poll = proposed(t.get(0), draft("아파트 동대표 회의 안건", "PASSWORD", "찬성", "반대").add("password", password));
        String id = poll.getString("id");
        assertFalse(directoryIds().contains(id), "password polls are not listed");
        byte[] hash = (byte[]) Database.rows("SELECT hash FROM poll_password WHERE poll_id = ?::uuid", id).get(0).get(0);
        assertFalse(new String(hash, java.nio.charset.StandardCharsets.UTF_8).contains("2027"), "never in plain text");

        vote(id, t.get(1)).assertProblem(403, "poll-password-required");
        // header values are ASCII: the password travels percent-encoded (UTF-8), as encodeURIComponent writes it
        assertEquals(201, vote(id, t.get(1), "X-Poll-Password", encoded(password)).status());
        for (int i = 0; i < 5; i++) {
            vote(id, t.get(2), "X-Poll-Password", encoded("틀린비번" + i)).assertProblem(403, "poll-password-wrong");
        }
        Api.Reply limited = vote(id, t.get(2), "X-Poll-Password", encoded(password));
        limited.assertProblem(429, "rate-limited-poll-password-guesses");
        assertTrue(Long.parseLong(limited.header("Retry-After")) <= 15 * 60);
        assertEquals(1, Database.recordedBallots(id));
        propose(t.get(0), draft("짧은 비번", "PASSWORD", "a", "b").add("password", "12")).assertProblem(422, "poll-password-length");
    }

    @Test
    void personalInformationIsRefusedAndOtherSignalsWaitForAModerator() {
        String proposer = Citizens.signIn(Citizens.newPhone());
        String rrn = residentNumber("900101", 1);
        JsonObject refused = propose(proposer, draft("제 주민번호는 " + rrn.substring(0, 6) + "-" + rrn.substring(6), "PUBLIC",
                "예", "아니오")).assertProblem(422, "poll-personal-information");
        assertTrue(refused.getString("detail").contains("900101-1******"), refused.toString());
        assertFalse(refused.toString().contains(rrn.substring(6)), "the refusal does not repeat the number");
        String wrongCheck = rrn.substring(0, 12) + ((rrn.charAt(12) - '0' + 1) % 10);
        assertEquals("OPEN", proposed(proposer, draft("번호 " + wrongCheck + " 는 주민번호가 아닙니다", "PUBLIC", "예", "아니오"))
                .getString("status"), "a failed checksum is not a resident registration number");
        propose(proposer, draft("연락 주세요", "PUBLIC", "010-2345-6789로 전화", "아니오"))
                .assertProblem(422, "poll-personal-information");
        propose(proposer, draft("메일 주세요 minsu.kim@example.com", "PUBLIC", "예", "아니오"))
                .assertProblem(422, "poll-personal-information");

        JsonObject held = proposed(proposer, draft("구청장 선거 누구 뽑을까요", "PUBLIC", "가", "나"));
        assertEquals("PENDING_APPROVAL", held.getString("status"));
        assertEquals("POLITICAL", held.getJsonArray("heldFor").getJsonObject(0).getString("category"));
        String heldId = held.getString("id");
        assertFalse(directoryIds().contains(heldId));
        assertEquals(404, Api.get("/polls/" + heldId).status(), "not published while held");

        JsonObject advert = proposed(proposer, draft("할인 쿠폰 드려요", "PUBLIC", "받기", "안 받기"));
        assertEquals("PENDING_APPROVAL", advert.getString("status"));
        assertEquals("COMMERCIAL", advert.getJsonArray("heldFor").getJsonObject(0).getString("category"));
        // (another citizen: one citizen creates only five polls a day)
        JsonObject abusive = proposed(Citizens.signIn(Citizens.newPhone()), draft("층간소음 지랄 좀 그만", "PUBLIC", "예", "아니오"));
        assertEquals("PENDING_APPROVAL", abusive.getString("status"), "abusive words wait for a moderator too");
        assertEquals("ABUSIVE", abusive.getJsonArray("heldFor").getJsonObject(0).getString("category"));

        // the queue, for moderators only
        Api.get("/admin/moderation", "Authorization", Api.OPERATOR).assertProblem(403, "role-required");
        var queue = Api.get("/admin/moderation", "Authorization", MODERATOR).jsonArray();
        JsonObject item = queue.stream().map(v -> v.asJsonObject()).filter(c -> c.getString("pollId").equals(heldId))
                .findFirst().orElseThrow();
        assertEquals("선거", item.getJsonArray("findings").getJsonObject(0).getString("match"));
        assertEquals("구청장 선거 누구 뽑을까요", item.getJsonObject("texts").getString("title"));

        Api.post("/admin/moderation/" + heldId + "/restore", null, "Authorization", Api.OPERATOR)
                .assertProblem(403, "role-required");
        assertEquals(204, Api.post("/admin/moderation/" + heldId + "/restore", null, "Authorization", MODERATOR).status());
        assertTrue(directoryIds().contains(heldId), "restored: open and listed");

        Api.post("/admin/moderation/" + advert.getString("id") + "/remove", Json.createObjectBuilder().add("reason", " ").build(),
                "Authorization", MODERATOR).assertProblem(400, "validation-failed");
        assertEquals(204, Api.post("/admin/moderation/" + advert.getString("id") + "/remove",
                Json.createObjectBuilder().add("reason", "상업적 홍보는 올릴 수 없습니다.").build(), "Authorization", MODERATOR).status());
        JsonObject mine = Api.get("/citizen-polls/mine", "Authorization", "Bearer " + proposer).jsonArray().stream()
                .map(v -> v.asJsonObject()).filter(p -> p.getString("id").equals(advert.getString("id"))).findFirst().orElseThrow();
        assertEquals("REMOVED", mine.getString("status"));
        assertEquals("상업적 홍보는 올릴 수 없습니다.", mine.getString("removalReason"), "the proposer sees why");
        assertEquals(1, Database.count("SELECT count(*) FROM poll WHERE id = ?::uuid", advert.getString("id")),
                "the record stays for auditors");
        Api.post("/admin/moderation/" + advert.getString("id") + "/restore", null, "Authorization", MODERATOR)
                .assertProblem(409, "poll-illegal-transition"); // removal is final
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'moderation.remove' AND target = ?",
                advert.getString("id")));
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'moderation.restore' AND target = ?", heldId));

        // moderators extend the lists: a word they add holds the next poll that uses it
        String word = "꽥꽥괙"; // a nonsense word no built-in list holds
        JsonObject addition = Json.createObjectBuilder().add("category", "ABUSIVE").add("word", word).build();
        Api.post("/admin/moderation/words", addition, "Authorization", Api.OPERATOR).assertProblem(403, "role-required");
        Api.post("/admin/moderation/words", Json.createObjectBuilder().add("category", "EMAIL").add("word", "x").build(),
                "Authorization", MODERATOR).assertProblem(422, "poll-moderation-word-category");
        assertEquals(204, Api.post("/admin/moderation/words", addition, "Authorization", MODERATOR).status());
        assertTrue(Api.get("/admin/moderation/words", "Authorization", MODERATOR).json().getJsonArray("ABUSIVE").toString()
                .contains(word));
        assertEquals("PENDING_APPROVAL", proposed(proposer, draft("이건 " + word + " 입니다", "PUBLIC", "예", "아니오"))
                .getString("status"));
        assertEquals(204, Api.send("DELETE", "/admin/moderation/words/ABUSIVE/" + java.net.URLEncoder.encode(word,
                java.nio.charset.StandardCharsets.UTF_8), null, "Authorization", MODERATOR).status());
        assertEquals("OPEN", proposed(proposer, draft("이건 " + word + " 입니다", "PUBLIC", "예", "아니오")).getString("status"));
    }

    @Test
    void reportsHideAPollUntilAModeratorDismissesThem() throws IOException {
        ServerProperties.set(management, "mvoting.reports.to.hide", "2");
        try {
            var tokens = List.copyOf(Citizens.signIn(List.of(Citizens.newPhone(), Citizens.newPhone(), Citizens.newPhone()))
                    .values());
            String id = proposed(tokens.get(0), draft("공원 산책로 조명", "PUBLIC", "밝게", "지금대로")).getString("id");
            JsonObject report = Json.createObjectBuilder().add("reason", "SPAM").add("detail", "같은 글 반복").build();
            assertEquals(204, Api.post("/citizen-polls/" + id + "/reports", report, "Authorization", "Bearer " + tokens.get(1)).status());
            assertEquals(204, Api.post("/citizen-polls/" + id + "/reports", report, "Authorization", "Bearer " + tokens.get(1)).status());
            assertTrue(directoryIds().contains(id), "one citizen reporting twice is one report");
            Api.post("/citizen-polls/" + id + "/reports", Json.createObjectBuilder().add("reason", "NONSENSE").build(),
                    "Authorization", "Bearer " + tokens.get(2)).assertProblem(400, "malformed-json");
            assertEquals(204, Api.post("/citizen-polls/" + id + "/reports", report, "Authorization", "Bearer " + tokens.get(2)).status());

            assertFalse(directoryIds().contains(id), "hidden pending review");
            vote(id, tokens.get(1)).assertProblem(409, "poll-not-open");
            JsonObject item = Api.get("/admin/moderation", "Authorization", MODERATOR).jsonArray().stream()
                    .map(v -> v.asJsonObject()).filter(c -> c.getString("pollId").equals(id)).findFirst().orElseThrow();
            assertTrue(item.getBoolean("hidden"));
            assertEquals(2, item.getJsonObject("reportsByReason").getInt("SPAM"));

            assertEquals(204, Api.post("/admin/moderation/" + id + "/dismiss-reports", null, "Authorization", MODERATOR).status());
            assertTrue(directoryIds().contains(id));
            assertEquals(201, vote(id, tokens.get(1)).status());
        } finally {
            ServerProperties.remove(management, "mvoting.reports.to.hide");
        }
    }

    @Test
    void aCitizenCreatesOnlySoManyPollsADay() throws IOException {
        ServerProperties.set(management, "mvoting.citizen.polls.per.day", "2");
        try {
            String token = Citizens.signIn(Citizens.newPhone());
            proposed(token, draft("첫째", "PUBLIC", "a", "b"));
            proposed(token, draft("둘째", "PUBLIC", "a", "b"));
            Api.Reply third = propose(token, draft("셋째", "PUBLIC", "a", "b"));
            third.assertProblem(429, "rate-limited-citizen-polls");
            long retry = Long.parseLong(third.header("Retry-After"));
            assertTrue(retry > 23 * 3600 && retry <= 24 * 3600 + 1, "Retry-After " + retry);
        } finally {
            ServerProperties.remove(management, "mvoting.citizen.polls.per.day");
        }
    }

    @Test
    void aSummaryPdfTakenByStaffIsRecordedAndACitizensIsNot() throws Exception {
        var tokens = List.copyOf(Citizens.signIn(List.of(Citizens.newPhone(), Citizens.newPhone(), Citizens.newPhone())).values());
        String id = proposed(tokens.get(0), draft("요약 내려받기 기록", "PUBLIC", "찬성", "반대")).getString("id");
        assertEquals(201, vote(id, tokens.get(1)).status());
        assertEquals(201, vote(id, tokens.get(2)).status());
        Api.post("/citizen-polls/" + id + "/close", null, "Authorization", "Bearer " + tokens.get(0));
        String code = Api.get("/polls/" + id + "/summary").json().getString("verificationCode");

        bytes("/polls/" + id + "/summary.pdf");
        bytes("/polls/" + id + "/summary.pdf", "Authorization", "Bearer " + tokens.get(0));
        assertEquals(0, Database.count("SELECT count(*) FROM audit_event WHERE action LIKE 'download.%' AND target = ?", id),
                "citizens' downloads are not recorded");
        bytes("/polls/" + id + "/summary.pdf", "Authorization", Api.basic("audit.kim"));
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'download.summary-pdf'"
                + " AND actor = 'audit.kim' AND target = ? AND detail = ? AND source = '127.0.0.1'", id, "code " + code));
    }

    @Test
    void aClosedPollsSummaryHasACodeAnyoneCanCheckIsSignedByTheCityAndAnAlteredPdfFails() throws Exception {
        var tokens = List.copyOf(Citizens.signIn(List.of(Citizens.newPhone(), Citizens.newPhone(), Citizens.newPhone())).values());
        String id = proposed(tokens.get(0), draft("마을버스 노선 연장 청원", "PUBLIC", "찬성", "반대")).getString("id");
        assertEquals(201, vote(id, tokens.get(1)).status());
        assertEquals(201, vote(id, tokens.get(2)).status());
        Api.get("/polls/" + id + "/summary").assertProblem(409, "poll-illegal-transition");
        Api.post("/citizen-polls/" + id + "/close", null, "Authorization", "Bearer " + tokens.get(0));

        JsonObject summary = Api.get("/polls/" + id + "/summary").json();
        String code = summary.getString("verificationCode");
        assertTrue(code.matches("[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}"), code);
        assertEquals(2, summary.getInt("participants"));
        assertEquals("OPEN", summary.getString("audience"));
        assertEquals(2, summary.getJsonArray("questions").getJsonObject(0).getJsonArray("options").getJsonObject(0).getInt("votes"));
        assertEquals(code, Api.get("/polls/" + id + "/summary").json().getString("verificationCode"), "issued once");

        byte[] pdf = bytes("/polls/" + id + "/summary.pdf");
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertTrue(java.util.Arrays.equals(pdf, bytes("/polls/" + id + "/summary.pdf")), "every download is the same file");

        // signed by the city (PAdES), so it proves itself offline: any reader shows the issuer and that it is unaltered
        SignedPdfs.Signature signature = SignedPdfs.check(pdf);
        assertTrue(signature.valid(), "the signature over the signed byte range verifies");
        assertEquals(SignedPdfs.serverCertificate(), signature.signer(), "signed with the server's certificate");
        assertEquals(new javax.security.auth.x500.X500Principal(org.mvoting.devserver.TestSigningKeystore.SUBJECT),
                signature.signer().getSubjectX500Principal());
        assertEquals("ETSI.CAdES.detached", signature.subFilter());
        assertTrue(signature.coversTheWholeFile(), "nothing outside the signature is unsigned");
        byte[] edited = pdf.clone();
        edited[signature.signedBeforeSignature() / 2] ^= 0x01; // inside the signed range
        assertFalse(SignedPdfs.check(edited).valid(), "one changed byte and the signature fails");

        JsonObject checked = Api.get("/summaries/" + code.toLowerCase().replace("-", "%20")).json(); // as typed: any case, spaces
        assertTrue(checked.getBoolean("valid"));
        assertTrue(checked.getBoolean("matchesStoredResult"));
        assertEquals("마을버스 노선 연장 청원", checked.getJsonObject("summary").getString("title"));
        Api.get("/summaries/AAAA-BBBB-CCCC-DDDD").assertProblem(404, "summary-not-found");

        assertTrue(verify(pdf).getBoolean("valid"), "the issued PDF checks out");
        byte[] altered = pdf.clone();
        altered[altered.length / 2] ^= 0x01;
        JsonObject tampered = verify(altered);
        assertFalse(tampered.getBoolean("valid"), "an altered PDF fails");
        assertTrue(!tampered.containsKey("summary") || tampered.isNull("summary"), "nothing to show for it");
        assertFalse(verify("not a pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8)).getBoolean("valid"));

        // a summary altered where it is kept no longer matches its code
        Database.execute("UPDATE poll_summary SET content = replace(content, '\"participants\":2', '\"participants\":3')"
                + " WHERE poll_id = ?::uuid", id);
        JsonObject forged = Api.get("/summaries/" + code).json();
        assertFalse(forged.getBoolean("valid"));
        assertFalse(forged.getBoolean("matchesStoredResult"));
    }

    private static byte[] bytes(String path, String... headers) throws IOException, InterruptedException {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), path);
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        return response.body();
    }

    private static JsonObject verify(byte[] pdf) {
        Api.Reply reply = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/summaries/verify"))
                .header("Content-Type", "application/pdf")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(pdf)).build());
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static String encoded(String password) {
        return java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A resident registration number with a valid check digit (weights 2..9,2..5; (11 - sum % 11) % 10). */
    private static String residentNumber(String birth, int genderDigit) {
        String first12 = birth + genderDigit + "23456";
        int[] weights = {2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5};
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (first12.charAt(i) - '0') * weights[i];
        }
        return first12 + (11 - sum % 11) % 10;
    }
}
