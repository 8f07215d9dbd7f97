package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** On-site events before the day and at the door: setup, participant import, printed tokens, joining by either. */
@ExtendWith(ArquillianExtension.class)
class EventIT {

    private static final String EVENT_OPERATOR = Api.basic("event.lee");
    /** The other event operator of 문화관광과 (DEPT-ECON-TOURISM), whose head is shim.jaewon. */
    private static final String SECOND_OPERATOR = Api.basic("sung.minjae");
    private static final String TOURISM_HEAD = Api.basic("shim.jaewon");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static JsonObject newEvent(String title) {
        return newEvent(title, Instant.now().plus(Duration.ofDays(3)));
    }

    private static JsonObject newEvent(String title, Instant startsAt) {
        Directory.ensureSynced();
        Api.Reply reply = Api.post("/admin/events", Json.createObjectBuilder().add("title", title)
                .add("startsAt", startsAt.toString()).add("venue", "시청 다목적홀")
                .add("agenda", "1. 개회 2. 토론 3. 투표").add("rehearsal", false).build(), "Authorization", EVENT_OPERATOR);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    @Test
    void anEventIsRunOnlyByItsAssignedOperatorsTheHeadOfItsDepartmentAndAdmin() {
        JsonObject event = newEvent("배정된 운영자만 운영");
        String id = event.getString("id");
        assertEquals("DEPT-ECON-TOURISM", event.getString("departmentCode"), "the creator's department");
        JsonObject assign = Json.createObjectBuilder().add("staffId", "sung.minjae").build();
        // an event operator not assigned to it: refused on every action, and cannot assign themselves
        Api.post("/admin/events/" + id + "/tokens?count=1", null, "Authorization", SECOND_OPERATOR)
                .assertProblem(403, "event-not-assigned");
        Api.post("/admin/events/" + id + "/questions", Json.createObjectBuilder().add("round", 1).add("question",
                Json.createObjectBuilder().add("type", "YES_NO").add("text", "찬성?").add("options", Json.createArrayBuilder())
                        .add("maxSelections", 1)).build(), "Authorization", SECOND_OPERATOR)
                .assertProblem(403, "event-not-assigned");
        Api.post("/admin/events/" + id + "/participants", Json.createObjectBuilder().add("participants",
                Json.createArrayBuilder().add(row("가", Citizens.newPhone(), "1조"))).build(), "Authorization", SECOND_OPERATOR)
                .assertProblem(403, "event-not-assigned");
        Api.post("/admin/events/" + id + "/operators", assign, "Authorization", SECOND_OPERATOR)
                .assertProblem(403, "staff-not-event-assigner");
        // another department's head neither; the head of the event's department and ADMIN act without assignment
        Api.post("/admin/events/" + id + "/operators", assign, "Authorization", Api.HEAD)
                .assertProblem(403, "staff-not-event-assigner");
        Api.post("/admin/events/" + id + "/tokens?count=1", null, "Authorization", Api.HEAD)
                .assertProblem(403, "event-not-assigned");
        assertEquals(200, Api.post("/admin/events/" + id + "/tokens?count=1", null, "Authorization", TOURISM_HEAD).status());
        assertEquals(200, Api.post("/admin/events/" + id + "/tokens?count=1", null, "Authorization", Api.SYSADMIN).status());
        Api.post("/admin/events/" + id + "/operators", Json.createObjectBuilder().add("staffId", "nobody.here").build(),
                "Authorization", EVENT_OPERATOR).assertProblem(404, "staff-member-not-found");

        // the creator assigns: now the second operator runs it too
        Api.Reply assigned = Api.post("/admin/events/" + id + "/operators", assign, "Authorization", EVENT_OPERATOR);
        assertEquals(200, assigned.status(), assigned.body());
        assertEquals(List.of("event.lee", "sung.minjae"), assigned.jsonArray().getValuesAs(JsonObject.class).stream()
                .map(o -> o.getString("staffId")).toList());
        assertTrue(assigned.jsonArray().getJsonObject(0).getBoolean("creator"));
        assertEquals(200, Api.post("/admin/events/" + id + "/tokens?count=1", null, "Authorization", SECOND_OPERATOR).status());
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'event.assign-operator'"
                + " AND target = ? AND actor = 'event.lee' AND detail = 'sung.minjae assigned by event.lee'", id));
        // removed again: refused again
        assertEquals(200, Api.send("DELETE", "/admin/events/" + id + "/operators/sung.minjae", null,
                "Authorization", TOURISM_HEAD).status());
        Api.post("/admin/events/" + id + "/tokens?count=1", null, "Authorization", SECOND_OPERATOR)
                .assertProblem(403, "event-not-assigned");
        // reading stays open to event operators and auditors
        assertEquals(200, Api.get("/admin/events/" + id, "Authorization", SECOND_OPERATOR).status());
    }

    @Test
    void tokensIssuedOnceTheEventIsUnderWayAdmitNobodyUntilASecondPersonConfirmsThem() {
        // before the day, tokens for the door are valid at once
        JsonObject before = Api.post("/admin/events/" + newEvent("준비 중 발급").getString("id") + "/tokens?count=1", null,
                "Authorization", EVENT_OPERATOR).json();
        assertFalse(before.getBoolean("pending"), before.toString());

        JsonObject event = newEvent("진행 중 발급", Instant.now().minus(Duration.ofMinutes(5)));
        String id = event.getString("id");
        String joinCode = event.getString("joinCode");
        Api.post("/admin/events/" + id + "/operators", Json.createObjectBuilder().add("staffId", "sung.minjae").build(),
                "Authorization", EVENT_OPERATOR);
        JsonObject issued = Api.post("/admin/events/" + id + "/tokens?count=2", null, "Authorization", EVENT_OPERATOR).json();
        assertTrue(issued.getBoolean("pending"), issued.toString());
        String batch = issued.getString("batchId");
        String card = issued.getJsonArray("codes").getString(0);
        Api.post("/events/" + joinCode + "/join-with-token", Json.createObjectBuilder().add("token", card).build())
                .assertProblem(409, "event-token-pending");
        assertEquals(2, Api.get("/admin/events/" + id, "Authorization", EVENT_OPERATOR).json().getInt("tokensPending"));
        JsonObject waiting = Api.get("/admin/events/" + id + "/token-batches", "Authorization", SECOND_OPERATOR)
                .jsonArray().getJsonObject(0);
        assertEquals(batch, waiting.getString("id"));
        assertEquals("event.lee", waiting.getString("issuedBy"));

        // not by the one who issued them; by the other operator of the event
        String confirm = "/admin/events/" + id + "/token-batches/" + batch + "/confirm";
        Api.post(confirm, null, "Authorization", EVENT_OPERATOR).assertProblem(403, "event-self-confirm");
        Api.post(confirm, null, "Authorization", Api.HEAD).assertProblem(403, "event-not-assigned"); // another department's head
        Api.post("/events/" + joinCode + "/join-with-token", Json.createObjectBuilder().add("token", card).build())
                .assertProblem(409, "event-token-pending");
        JsonObject confirmed = Api.post(confirm, null, "Authorization", SECOND_OPERATOR).json();
        assertEquals("CONFIRMED", confirmed.getString("status"));
        assertEquals("sung.minjae", confirmed.getString("decidedBy"));
        Api.post(confirm, null, "Authorization", SECOND_OPERATOR).assertProblem(409, "event-nothing-pending");
        assertEquals(200, Api.post("/events/" + joinCode + "/join-with-token", Json.createObjectBuilder()
                .add("token", card).build()).status(), "confirmed: the card admits");

        // a batch declined is deleted: its cards admit nobody, ever
        JsonObject other = Api.post("/admin/events/" + id + "/tokens?count=1", null, "Authorization", SECOND_OPERATOR).json();
        JsonObject declined = Api.post("/admin/events/" + id + "/token-batches/" + other.getString("batchId") + "/decline",
                null, "Authorization", EVENT_OPERATOR).json();
        assertEquals("DECLINED", declined.getString("status"));
        Api.post("/events/" + joinCode + "/join-with-token", Json.createObjectBuilder()
                .add("token", other.getJsonArray("codes").getString(0)).build()).assertProblem(404, "event-token-not-found");
        assertEquals(0, Api.get("/admin/events/" + id, "Authorization", EVENT_OPERATOR).json().getInt("tokensPending"));

        // both names in the audit trail
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'event.confirm-tokens'"
                + " AND target = ? AND actor = 'sung.minjae' AND detail = ?", id,
                "batch " + batch + ": 2 tokens issued by event.lee, confirmed by sung.minjae"));
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'event.decline-tokens'"
                + " AND target = ? AND actor = 'event.lee' AND detail LIKE '%issued by sung.minjae, declined by event.lee'", id));
    }

    @Test
    void anEventIsSetUpByEventOperatorsAndRegistersParticipantsWithAReport() {
        Api.post("/admin/events", Json.createObjectBuilder().add("title", "x").add("startsAt", Instant.now().toString())
                .add("venue", "y").build(), "Authorization", Api.OPERATOR).assertProblem(403, "role-required");
        JsonObject event = newEvent("1000인 원탁회의");
        assertTrue(event.getString("joinCode").matches("[2-9]{6}"), event.toString());
        String id = event.getString("id");

        String a = Citizens.newPhone();
        String b = Citizens.newPhone();
        JsonObject report = Api.post("/admin/events/" + id + "/participants", Json.createObjectBuilder()
                .add("participants", Json.createArrayBuilder()
                        .add(row("김하나", a, "1조"))
                        .add(row("이둘", "02-123-4567", "2조"))
                        .add(row("박셋", b, "2조"))
                        .add(row("김하나(중복)", a.replace("+8210", "010"), "1조")))
                .build(), "Authorization", EVENT_OPERATOR).json();
        assertEquals(4, report.getInt("rows"));
        assertEquals(2, report.getInt("added"));
        assertEquals(List.of(2), report.getJsonArray("invalid").stream().map(p -> p.asJsonObject().getInt("row")).toList());
        assertEquals("duplicate-of-row-1", report.getJsonArray("duplicates").getJsonObject(0).getString("reason"));
        // imported again: nobody twice
        JsonObject again = Api.post("/admin/events/" + id + "/participants", Json.createObjectBuilder()
                .add("participants", Json.createArrayBuilder().add(row("김하나", a, "1조"))).build(),
                "Authorization", EVENT_OPERATOR).json();
        assertEquals(0, again.getInt("added"));
        assertEquals("already-registered", again.getJsonArray("duplicates").getJsonObject(0).getString("reason"));
        assertEquals(2, Api.get("/admin/events/" + id, "Authorization", EVENT_OPERATOR).json().getInt("participants"));
        // the same from a file, with a header row: row numbers as the operator sees them in the file
        String c = Citizens.newPhone();
        String csv = "이름,전화번호,조\n정다섯," + c + ",4조\n잘못,abc,4조\n";
        Api.Reply uploaded = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/admin/events/"
                        + id + "/participants/import")).header("Authorization", EVENT_OPERATOR).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv, java.nio.charset.StandardCharsets.UTF_8)).build());
        assertEquals(200, uploaded.status(), uploaded.body());
        assertEquals(1, uploaded.json().getInt("added"));
        assertEquals(3, uploaded.json().getJsonArray("invalid").getJsonObject(0).getInt("row"));
        assertEquals(0, Database.count("SELECT count(*) FROM event_participant WHERE encode(phone_sealed, 'escape') LIKE ?",
                "%" + a.substring(5) + "%"), "numbers are kept encrypted");
    }

    @Test
    void aPrintedTokenAdmitsOneParticipantWhateverDeviceEntersItAgain() throws Exception {
        JsonObject event = newEvent("토큰 입장 시험");
        String id = event.getString("id");
        String joinCode = event.getString("joinCode");
        Api.post("/admin/events/" + id + "/tokens?count=0", null, "Authorization", EVENT_OPERATOR)
                .assertProblem(422, "event-token-count");
        List<String> codes = Api.post("/admin/events/" + id + "/tokens?count=3", null, "Authorization", EVENT_OPERATOR)
                .json().getJsonArray("codes").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
        assertEquals(3, codes.size());
        assertEquals(0, Database.count("SELECT count(*) FROM event_token WHERE encode(code_hash, 'escape') LIKE ?",
                "%" + codes.get(0).replace("-", "") + "%"), "only keyed hashes are kept");

        // ten phones enter the same card at once: one participant
        Set<String> participants = ConcurrentHashMap.newKeySet();
        Citizens.parallel(java.util.stream.IntStream.range(0, 10).mapToObj(String::valueOf).toList(), i -> {
            Api.Reply joined = Api.post("/events/" + joinCode + "/join-with-token",
                    Json.createObjectBuilder().add("token", codes.get(0)).build());
            assertEquals(200, joined.status(), joined.body());
            participants.add(joined.json().getString("participantId"));
        });
        assertEquals(1, participants.size(), "one card, one participant");
        String first = participants.iterator().next();
        // typed later in lower case without the hyphen, on another device: the same participant
        assertEquals(first, Api.post("/events/" + joinCode + "/join-with-token", Json.createObjectBuilder()
                .add("token", codes.get(0).toLowerCase().replace("-", "")).build()).json().getString("participantId"));
        String second = Api.post("/events/" + joinCode + "/join-with-token",
                Json.createObjectBuilder().add("token", codes.get(1)).build()).json().getString("participantId");
        assertNotEquals(first, second);
        assertEquals(2, Api.get("/admin/events/" + id, "Authorization", EVENT_OPERATOR).json().getInt("tokensUsed"));

        // printed cards: the sheet issues its own tokens (the codes are only in the PDF)
        java.net.http.HttpResponse<byte[]> sheet = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/admin/events/" + id + "/token-sheet?count=12"))
                        .header("Authorization", EVENT_OPERATOR).POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, sheet.statusCode());
        assertEquals("%PDF", new String(sheet.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        assertEquals(15, Api.get("/admin/events/" + id, "Authorization", EVENT_OPERATOR).json().getInt("tokensIssued"));
        // the sheet leaving the building is recorded once, beside (not instead of) the issuing of its tokens
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'download.token-sheet'"
                + " AND actor = 'event.lee' AND target = ? AND detail = '12 cards' AND source = '127.0.0.1'", id));
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'event.issue-tokens'"
                + " AND target = ? AND detail LIKE '12 tokens%'", id));

        Api.post("/events/" + joinCode + "/join-with-token", Json.createObjectBuilder().add("token", "AAAAA-AAAAA").build())
                .assertProblem(404, "event-token-not-found");
        JsonObject otherEvent = newEvent("다른 행사");
        Api.post("/events/" + otherEvent.getString("joinCode") + "/join-with-token",
                Json.createObjectBuilder().add("token", codes.get(2)).build()).assertProblem(404, "event-token-not-found");
        Api.post("/events/000000/join-with-token", Json.createObjectBuilder().add("token", codes.get(2)).build())
                .assertProblem(404, "event-not-found");

        // a pass is not a citizen token: it votes in no poll outside its event
        String pass = Api.post("/events/" + joinCode + "/join-with-token",
                Json.createObjectBuilder().add("token", codes.get(2)).build()).json().getString("token");
        JsonObject poll = Polls.open(Polls.draft("행사 밖 투표", "OPEN", "LIVE", Polls.question("YES_NO", "찬성?")));
        Api.send("POST", "/polls/" + poll.getString("id") + "/ballots",
                Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(0)).toString(),
                "Authorization", "Bearer " + pass, "Idempotency-Key", java.util.UUID.randomUUID().toString())
                .assertProblem(401, "token-malformed");
    }

    @Test
    void aRegisteredPhoneJoinsAsTheSameParticipantOnAppAndWeb() {
        JsonObject event = newEvent("전화 입장 시험");
        String phone = Citizens.newPhone();
        Api.post("/admin/events/" + event.getString("id") + "/participants", Json.createObjectBuilder()
                .add("participants", Json.createArrayBuilder().add(row("최넷", phone, "3조"))).build(), "Authorization", EVENT_OPERATOR);
        String token = Citizens.signIn(phone);
        String joinCode = event.getString("joinCode");
        JsonObject onWeb = Api.post("/events/" + joinCode + "/join-with-phone", null, "Authorization", "Bearer " + token,
                "X-MVoting-Channel", "WEB").json();
        JsonObject onApp = Api.post("/events/" + joinCode + "/join-with-phone", null, "Authorization", "Bearer " + token,
                "X-MVoting-Channel", "APP").json();
        assertEquals(onWeb.getString("participantId"), onApp.getString("participantId"));
        assertFalse(onWeb.getString("token").isBlank());
        Api.post("/events/" + joinCode + "/join-with-phone", null, "Authorization", "Bearer " + Citizens.signIn(Citizens.newPhone()))
                .assertProblem(404, "event-not-registered");
        Api.post("/events/" + joinCode + "/join-with-phone", null).assertProblem(401, "token-missing");
    }

    @Test
    void wipingARehearsalLeavesTheRealEventCleanAndARealEventIsNeverWiped() {
        Directory.ensureSynced();
        JsonObject rehearsal = Api.post("/admin/events", Json.createObjectBuilder().add("title", "리허설 원탁회의")
                .add("startsAt", Instant.now().plus(Duration.ofDays(1)).toString()).add("venue", "시청").add("rehearsal", true)
                .build(), "Authorization", EVENT_OPERATOR).json();
        String id = rehearsal.getString("id");
        Api.post("/admin/events/" + id + "/participants", Json.createObjectBuilder().add("participants",
                Json.createArrayBuilder().add(row("시험 참가자", Citizens.newPhone(), "1조"))).build(), "Authorization", EVENT_OPERATOR);
        String code = Api.post("/admin/events/" + id + "/tokens?count=2", null, "Authorization", EVENT_OPERATOR)
                .json().getJsonArray("codes").getString(0);
        assertEquals(200, Api.post("/events/" + rehearsal.getString("joinCode") + "/join-with-token",
                Json.createObjectBuilder().add("token", code).build()).status());

        JsonObject clean = Api.post("/admin/events/" + id + "/rehearsal/wipe", null, "Authorization", EVENT_OPERATOR).json();
        assertFalse(clean.getBoolean("rehearsal"), "now the real event");
        assertEquals(0, clean.getInt("participants"));
        assertEquals(0, clean.getInt("tokensIssued"));
        Api.post("/events/" + rehearsal.getString("joinCode") + "/join-with-token", Json.createObjectBuilder().add("token", code).build())
                .assertProblem(404, "event-token-not-found");
        Api.post("/admin/events/" + id + "/rehearsal/wipe", null, "Authorization", EVENT_OPERATOR)
                .assertProblem(422, "event-not-rehearsal");
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'event.wipe-rehearsal' AND target = ?", id));
    }

    @Test
    void aCitizenRegistersByTheLinkAndTakesPartOnlyOnceAnOperatorApproves() {
        JsonObject event = newEvent("참가 신청 시험");
        String id = event.getString("id");
        String code = event.getString("joinCode");
        String phone = Citizens.newPhone();
        String signIn = Citizens.signIn(phone);
        Api.get("/events/" + code + "/registrations/mine", "Authorization", "Bearer " + signIn)
                .assertProblem(404, "event-registration-not-found");
        Api.post("/events/" + code + "/registrations", Json.createObjectBuilder().add("name", " ").build(),
                "Authorization", "Bearer " + signIn).assertProblem(400, "validation-failed");
        Api.post("/events/" + code + "/registrations", Json.createObjectBuilder().add("name", "한시민").build())
                .assertProblem(401, "token-missing");
        JsonObject asked = Api.post("/events/" + code + "/registrations", Json.createObjectBuilder().add("name", "한시민")
                .add("group", "5조").build(), "Authorization", "Bearer " + signIn).json();
        assertEquals("PENDING", asked.getString("status"));
        // asking again is the same request; pending is not yet a participant
        assertEquals(asked.getString("id"), Api.post("/events/" + code + "/registrations", Json.createObjectBuilder()
                .add("name", "한시민").build(), "Authorization", "Bearer " + signIn).json().getString("id"));
        Api.post("/events/" + code + "/join-with-phone", null, "Authorization", "Bearer " + signIn)
                .assertProblem(404, "event-not-registered");

        JsonObject pending = Api.get("/admin/events/" + id + "/registrations", "Authorization", EVENT_OPERATOR)
                .jsonArray().getJsonObject(0);
        assertEquals("한시민", pending.getString("name"));
        assertEquals("5조", pending.getString("group"));
        Api.post("/admin/events/" + id + "/registrations/" + asked.getString("id") + "/approve", null,
                "Authorization", Api.OPERATOR).assertProblem(403, "role-required");
        JsonObject approved = Api.post("/admin/events/" + id + "/registrations/" + asked.getString("id") + "/approve",
                null, "Authorization", EVENT_OPERATOR).json();
        assertEquals("APPROVED", approved.getString("status"));
        Api.post("/admin/events/" + id + "/registrations/" + asked.getString("id") + "/decline", null,
                "Authorization", EVENT_OPERATOR).assertProblem(422, "event-registration-decided");
        assertEquals("APPROVED", Api.get("/events/" + code + "/registrations/mine", "Authorization", "Bearer " + signIn)
                .json().getString("status"));
        assertEquals(200, Api.post("/events/" + code + "/join-with-phone", null, "Authorization", "Bearer " + signIn)
                .status(), "approved: joins with the phone like an imported participant");

        // declined: never a participant
        String other = Citizens.signIn(Citizens.newPhone());
        String otherId = Api.post("/events/" + code + "/registrations", Json.createObjectBuilder().add("name", "두시민")
                .build(), "Authorization", "Bearer " + other).json().getString("id");
        assertEquals("DECLINED", Api.post("/admin/events/" + id + "/registrations/" + otherId + "/decline", null,
                "Authorization", EVENT_OPERATOR).json().getString("status"));
        Api.post("/events/" + code + "/join-with-phone", null, "Authorization", "Bearer " + other)
                .assertProblem(404, "event-not-registered");
        assertEquals(1, Api.get("/admin/events/" + id, "Authorization", EVENT_OPERATOR).json().getInt("participants"));

        // a phone imported beforehand is approved at once
        String imported = Citizens.newPhone();
        Api.post("/admin/events/" + id + "/participants", Json.createObjectBuilder().add("participants",
                Json.createArrayBuilder().add(row("세시민", imported, "1조"))).build(), "Authorization", EVENT_OPERATOR);
        assertEquals("APPROVED", Api.post("/events/" + code + "/registrations", Json.createObjectBuilder()
                .add("name", "세시민").build(), "Authorization", "Bearer " + Citizens.signIn(imported)).json()
                .getString("status"));
    }

    @Test
    void registeredPhonesGetTheEventLinkBySmsOnceEach() {
        JsonObject event = newEvent("초대 문자 시험");
        String id = event.getString("id");
        String code = event.getString("joinCode");
        String a = Citizens.newPhone();
        String b = Citizens.newPhone();
        Api.post("/admin/events/" + id + "/participants", Json.createObjectBuilder().add("participants",
                Json.createArrayBuilder().add(row("가", a, "1조")).add(row("나", b, "1조"))).build(),
                "Authorization", EVENT_OPERATOR);
        String card = Api.post("/admin/events/" + id + "/tokens?count=1", null, "Authorization", EVENT_OPERATOR)
                .json().getJsonArray("codes").getString(0);
        Api.post("/events/" + code + "/join-with-token", Json.createObjectBuilder().add("token", card).build());

        JsonObject sent = Api.post("/admin/events/" + id + "/invitations", null, "Authorization", EVENT_OPERATOR).json();
        assertEquals(2, sent.getInt("queuedNow"));
        assertEquals(2, sent.getInt("invited"));
        assertEquals(1, sent.getInt("withoutPhone"), "the walk-in has no number to message");
        assertEquals(3, sent.getInt("participants"));
        for (String phone : List.of(a, b)) {
            String body = awaitSms(phone, "/m/#/events/" + code);
            assertTrue(body.contains("초대 문자 시험"), body);
        }
        // again: only those added since
        String c = Citizens.newPhone();
        Api.post("/admin/events/" + id + "/participants", Json.createObjectBuilder().add("participants",
                Json.createArrayBuilder().add(row("다", c, "2조"))).build(), "Authorization", EVENT_OPERATOR);
        assertEquals(1, Api.post("/admin/events/" + id + "/invitations", null, "Authorization", EVENT_OPERATOR)
                .json().getInt("queuedNow"));
        awaitSms(c, "/m/#/events/" + code);
        Citizens.sleep(500);
        assertEquals(1, Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ? AND body LIKE ?",
                a, "%/m/#/events/" + code + "%"), "one invitation per participant");
    }

    private static String awaitSms(String phone, String containing) {
        long until = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < until) {
            List<List<Object>> rows = Database.rows("SELECT body FROM local_sms_message WHERE recipient = ? AND body LIKE ?",
                    phone, "%" + containing + "%");
            if (!rows.isEmpty()) {
                return (String) rows.get(0).get(0);
            }
            Citizens.sleep(100);
        }
        throw new AssertionError("no SMS with " + containing + " reached " + phone);
    }

    private static JsonObject row(String name, String phone, String group) {
        return Json.createObjectBuilder().add("name", name).add("phone", phone).add("group", group).build();
    }
}
