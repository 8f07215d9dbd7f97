package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The hall during an event: questions on the ballot engine, the operator's console, the live stream to the screens,
 * one ballot per participant whatever channel and order, paper counts, carrying options forward, and a burst of 200
 * participants voting at once (correctness only; the 1000-phone timing is the benchmark's job).
 */
@ExtendWith(ArquillianExtension.class)
class EventHallIT {

    private static final String EVENT_OPERATOR = Api.basic("event.lee");
    /** The other event operator of 문화관광과 (TEAM-ECON-TOURISM-FESTIVAL), assigned where a second person is needed. */
    private static final String SECOND_OPERATOR = Api.basic("sung.minjae");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @Test
    void twoHundredParticipantsVoteAtTheSameMomentAndEveryBallotCountsExactlyOnce() throws Exception {
        JsonObject event = newEvent("200인 동시 투표", false);
        String id = event.getString("id");
        String code = event.getString("joinCode");
        List<String> cards = tokens(id, 200);
        Map<String, String> passes = new ConcurrentHashMap<>();
        Citizens.parallel(cards, card -> passes.put(card, join(code, card)));
        assertEquals(200, passes.size());

        JsonObject question = addQuestion(id, 1, "SINGLE_CHOICE", "가장 시급한 과제는?", 1, "교통", "주거", "환경");
        String pollId = question.getString("pollId");
        List<Long> options = optionIds(question);
        open(id, pollId, 0);

        // every participant presses "vote" at the same moment: option i % 3
        List<String> ordered = new ArrayList<>(cards);
        Map<String, String> keys = new HashMap<>();
        ordered.forEach(card -> keys.put(card, UUID.randomUUID().toString()));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService phones = Executors.newFixedThreadPool(200);
        List<Future<Api.Reply>> replies = new ArrayList<>();
        try {
            for (int i = 0; i < ordered.size(); i++) {
                String card = ordered.get(i);
                long choice = options.get(i % 3);
                replies.add(phones.submit(() -> {
                    start.await();
                    return vote(code, pollId, passes.get(card), keys.get(card), choice);
                }));
            }
            start.countDown();
            Set<String> receipts = ConcurrentHashMap.newKeySet();
            for (Future<Api.Reply> reply : replies) {
                Api.Reply r = reply.get(120, TimeUnit.SECONDS);
                assertEquals(201, r.status(), r.body());
                receipts.add(r.json().getString("receipt"));
            }
            assertEquals(200, receipts.size(), "one receipt per ballot");
        } finally {
            phones.shutdownNow();
        }
        // a retry after a lost answer is the same ballot; a second ballot is refused
        for (int i = 0; i < 20; i++) {
            String card = ordered.get(i);
            Api.Reply retry = vote(code, pollId, passes.get(card), keys.get(card), options.get(i % 3));
            assertEquals(200, retry.status(), retry.body());
            vote(code, pollId, passes.get(card), UUID.randomUUID().toString(), options.get((i + 1) % 3))
                    .assertProblem(409, "already-voted");
        }
        JsonObject closed = post("/admin/events/" + id + "/questions/" + pollId + "/close", null).json();
        assertEquals("CLOSED", closed.getString("state"));
        assertEquals(200, closed.getJsonNumber("ballots").longValue());
        Map<Long, Long> phone = counts(closed, "phone");
        assertEquals(Map.of(options.get(0), 67L, options.get(1), 67L, options.get(2), 66L), phone);
        assertEquals(200, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId));
        assertEquals(1, Database.count("SELECT count(*) FROM poll WHERE id = ?::uuid AND tally_verified", pollId),
                "the live tally agreed with the recount");
    }

    @Test
    void aParticipantVotesOnceWhicheverChannelTheyUseAndInWhateverOrder() throws Exception {
        JsonObject event = newEvent("채널 교차 투표", false);
        String id = event.getString("id");
        String code = event.getString("joinCode");
        String first = Citizens.newPhone();
        String second = Citizens.newPhone();
        String third = Citizens.newPhone();
        register(id, first, second, third);
        String firstSignIn = Citizens.signIn(first);
        String secondSignIn = Citizens.signIn(second);
        String thirdSignIn = Citizens.signIn(third);
        String card = tokens(id, 1).get(0);

        JsonObject question = addQuestion(id, 1, "YES_NO", "광장 개방에 찬성하십니까?", 1);
        String pollId = question.getString("pollId");
        long yes = optionIds(question).get(0);
        vote(code, pollId, passWithPhone(code, firstSignIn), UUID.randomUUID().toString(), yes)
                .assertProblem(409, "poll-not-open");
        open(id, pollId, 0);

        // 1. the event pass on the web first, then the app with the citizen's own sign-in, on either endpoint
        assertEquals(201, vote(code, pollId, passWithPhone(code, firstSignIn), UUID.randomUUID().toString(), yes).status());
        vote(code, pollId, firstSignIn, UUID.randomUUID().toString(), yes).assertProblem(409, "already-voted");
        pollBallot(pollId, firstSignIn, yes).assertProblem(409, "already-voted");
        // 2. the app's ordinary ballot first, then a pass from joining again on the web
        assertEquals(201, pollBallot(pollId, secondSignIn, yes).status());
        vote(code, pollId, passWithPhone(code, secondSignIn), UUID.randomUUID().toString(), yes)
                .assertProblem(409, "already-voted");
        // 3. the same printed card entered on two phones: the same participant
        String cardOnPhoneA = join(code, card);
        String cardOnPhoneB = join(code, card);
        assertEquals(201, vote(code, pollId, cardOnPhoneB, UUID.randomUUID().toString(), yes).status());
        vote(code, pollId, cardOnPhoneA, UUID.randomUUID().toString(), yes).assertProblem(409, "already-voted");
        // 4. app and web at the very same moment: exactly one counts
        String thirdPass = passWithPhone(code, thirdSignIn);
        List<Api.Reply> both = new ArrayList<>();
        Citizens.parallel(List.of("pass", "citizen"), which -> {
            Api.Reply r = which.equals("pass") ? vote(code, pollId, thirdPass, UUID.randomUUID().toString(), yes)
                    : pollBallot(pollId, thirdSignIn, yes);
            synchronized (both) {
                both.add(r);
            }
        });
        assertEquals(1, both.stream().filter(r -> r.status() == 201).count(), both.toString());
        assertEquals(1, both.stream().filter(r -> r.status() == 409).count(), both.toString());

        // not a participant, a pass of another event, no token, a question of another event
        pollBallot(pollId, Citizens.signIn(Citizens.newPhone()), yes).assertProblem(403, "not-eligible");
        JsonObject other = newEvent("다른 행사", false);
        String otherPass = join(other.getString("joinCode"), tokens(other.getString("id"), 1).get(0));
        vote(code, pollId, otherPass, UUID.randomUUID().toString(), yes).assertProblem(403, "not-eligible");
        Api.send("POST", "/events/" + code + "/questions/" + pollId + "/ballots", "{\"optionIds\":[" + yes + "]}",
                "Idempotency-Key", UUID.randomUUID().toString()).assertProblem(401, "token-missing");
        vote(other.getString("joinCode"), pollId, otherPass, UUID.randomUUID().toString(), yes)
                .assertProblem(404, "poll-not-found");
        Api.send("POST", "/events/" + code + "/questions/" + pollId + "/ballots", "{\"optionIds\":[]}",
                "Authorization", "Bearer " + thirdPass, "Idempotency-Key", UUID.randomUUID().toString())
                .assertProblem(400, "validation-failed");
        vote(code, pollId, thirdPass, UUID.randomUUID().toString(), 999_999_999L).assertProblem(422, "ballot-option-not-in-question");

        JsonObject closed = post("/admin/events/" + id + "/questions/" + pollId + "/close", null).json();
        assertEquals(4, closed.getJsonNumber("ballots").longValue(), "four participants, four ballots");
        assertEquals(4L, counts(closed, "phone").get(yes));
    }

    @Test
    void paperCountsStandApartAndCombinedAndTheTopOptionsCarryIntoTheNextRound() {
        JsonObject event = newEvent("종이 집계 합산", false);
        String id = event.getString("id");
        String code = event.getString("joinCode");
        List<String> passes = tokens(id, 3).stream().map(card -> join(code, card)).toList();
        JsonObject question = addQuestion(id, 1, "SINGLE_CHOICE", "우선 추진할 제안은?", 1, "가로수길", "공공도서관",
                "청년주택", "자전거도로");
        String pollId = question.getString("pollId");
        List<Long> o = optionIds(question);
        post("/admin/events/" + id + "/questions/" + pollId + "/paper-counts",
                Json.createObjectBuilder().add("counts", Json.createObjectBuilder().add(String.valueOf(o.get(0)), 1)).build())
                .assertProblem(422, "event-question-not-opened");
        open(id, pollId, 0);
        JsonObject another = addQuestion(id, 1, "YES_NO", "동시에 두 질문?", 1);
        post("/admin/events/" + id + "/questions/" + another.getString("pollId") + "/open",
                Json.createObjectBuilder().add("countdownSeconds", 0).build())
                .assertProblem(422, "event-question-still-open");
        vote(code, pollId, passes.get(0), UUID.randomUUID().toString(), o.get(0));
        vote(code, pollId, passes.get(1), UUID.randomUUID().toString(), o.get(1));
        vote(code, pollId, passes.get(2), UUID.randomUUID().toString(), o.get(1));
        post("/admin/events/" + id + "/questions/" + pollId + "/announce", null)
                .assertProblem(422, "event-question-not-closed");
        post("/admin/events/" + id + "/questions/" + pollId + "/close", null);

        // paper ballots: first how many were handed out (the bound), then the count, which waits for a second person
        String paperCounts = "/admin/events/" + id + "/questions/" + pollId + "/paper-counts";
        post(paperCounts, Json.createObjectBuilder().add("counts", Json.createObjectBuilder()
                .add(String.valueOf(o.get(0)), 4)).build()).assertProblem(422, "event-paper-ballots-not-registered");
        Api.Reply handedOut = Api.put("/admin/events/" + id + "/questions/" + pollId + "/paper-ballots",
                Json.createObjectBuilder().add("handedOut", 6).build(), "Authorization", EVENT_OPERATOR);
        assertEquals(200, handedOut.status(), handedOut.body());
        assertEquals(6, handedOut.json().getJsonNumber("paperHandedOut").longValue());
        Api.Reply over = post(paperCounts, Json.createObjectBuilder().add("counts", Json.createObjectBuilder()
                .add(String.valueOf(o.get(0)), 5).add(String.valueOf(o.get(2)), 2)).build());
        over.assertProblem(422, "event-paper-over-registered");
        assertTrue(over.body().contains("6"), "the problem names the ballots handed out: " + over.body());
        post(paperCounts, Json.createObjectBuilder().add("counts", Json.createObjectBuilder()
                .add(String.valueOf(o.get(0)), 7)).build()).assertProblem(422, "event-paper-over-registered");
        assertEquals(0, Database.count("SELECT count(*) FROM event_paper_pending WHERE poll_id = ?::uuid", pollId),
                "nothing above the ballots handed out is kept");

        // paper: option 0 gets 4, option 2 gets 2 → combined 5, 2, 2, 0: phones 1, 2, 0, 0 — once confirmed
        JsonObject pending = post(paperCounts, Json.createObjectBuilder().add("counts", Json.createObjectBuilder()
                .add(String.valueOf(o.get(0)), 4).add(String.valueOf(o.get(2)), 2)).build()).json();
        assertEquals(Map.of(o.get(0), 0L, o.get(1), 0L, o.get(2), 0L, o.get(3), 0L), counts(pending, "paper"),
                "a pending count is in no result");
        assertEquals("event.lee", pending.getJsonObject("pendingPaper").getString("enteredBy"));
        post("/admin/events/" + id + "/questions/" + pollId + "/results", Json.createObjectBuilder().add("shown", true).build());
        assertEquals(Map.of(o.get(0), 1L, o.get(1), 2L, o.get(2), 0L, o.get(3), 0L),
                counts(Api.get("/events/" + code + "/state").json().getJsonObject("question"), "results", "combined"),
                "the hall's screens show no pending paper count");
        post("/admin/events/" + id + "/questions/" + pollId + "/results", Json.createObjectBuilder().add("shown", false).build());
        post(paperCounts + "/confirm", null).assertProblem(403, "event-self-confirm");
        Api.post(paperCounts + "/confirm", null, "Authorization", SECOND_OPERATOR).assertProblem(403, "event-not-assigned");
        assertEquals(200, Api.post("/admin/events/" + id + "/operators", Json.createObjectBuilder()
                .add("staffId", "sung.minjae").build(), "Authorization", EVENT_OPERATOR).status());
        JsonObject counted = Api.post(paperCounts + "/confirm", null, "Authorization", SECOND_OPERATOR).json();
        assertTrue(!counted.containsKey("pendingPaper") || counted.isNull("pendingPaper"), counted.toString());
        Api.post(paperCounts + "/confirm", null, "Authorization", SECOND_OPERATOR).assertProblem(409, "event-nothing-pending");
        assertEquals(Map.of(o.get(0), 1L, o.get(1), 2L, o.get(2), 0L, o.get(3), 0L), counts(counted, "phone"));
        assertEquals(Map.of(o.get(0), 4L, o.get(1), 0L, o.get(2), 2L, o.get(3), 0L), counts(counted, "paper"));
        assertEquals(Map.of(o.get(0), 5L, o.get(1), 2L, o.get(2), 2L, o.get(3), 0L), counts(counted, "combined"));
        assertEquals(6, counted.getJsonNumber("paperBallots").longValue());
        // entered again: replaced, not added — once confirmed; a declined entry is discarded
        post(paperCounts, Json.createObjectBuilder().add("counts", Json.createObjectBuilder()
                .add(String.valueOf(o.get(0)), 1)).build());
        JsonObject declined = Api.post(paperCounts + "/decline", null, "Authorization", SECOND_OPERATOR).json();
        assertEquals(5L, counts(declined, "combined").get(o.get(0)), "declined: the confirmed count stands");
        post(paperCounts, Json.createObjectBuilder().add("counts", Json.createObjectBuilder()
                .add(String.valueOf(o.get(0)), 3).add(String.valueOf(o.get(2)), 2)).build());
        assertEquals(5L, counts(Api.get("/admin/events/" + id + "/questions", "Authorization", EVENT_OPERATOR).json()
                .getJsonArray("questions").getValuesAs(JsonObject.class).stream()
                .filter(q -> q.getString("pollId").equals(pollId)).findFirst().orElseThrow(), "combined").get(o.get(0)));
        JsonObject corrected = Api.post(paperCounts + "/confirm", null, "Authorization", SECOND_OPERATOR).json();
        assertEquals(4L, counts(corrected, "combined").get(o.get(0)));
        assertEquals(1, Database.count("SELECT count(*) FROM event_paper_count WHERE poll_id = ?::uuid AND votes = 3"
                + " AND entered_by = 'event.lee' AND confirmed_by = 'sung.minjae'", pollId), "both names kept with the count");
        post("/admin/events/" + id + "/questions/" + pollId + "/paper-counts", Json.createObjectBuilder()
                .add("counts", Json.createObjectBuilder().add("12345678", 1)).build())
                .assertProblem(422, "event-paper-unknown-option");
        post("/admin/events/" + id + "/questions/" + pollId + "/paper-counts", Json.createObjectBuilder()
                .add("counts", Json.createObjectBuilder().add(String.valueOf(o.get(0)), -1)).build())
                .assertProblem(400, "validation-failed");

        // the big screen: nothing until shown, then phone, paper and combined
        JsonObject hidden = Api.get("/events/" + code + "/state").json().getJsonObject("question");
        assertEquals(0, hidden.getJsonArray("results").size());
        post("/admin/events/" + id + "/questions/" + pollId + "/results", Json.createObjectBuilder().add("shown", true).build());
        JsonObject shown = Api.get("/events/" + code + "/state").json().getJsonObject("question");
        assertEquals(Map.of(o.get(0), 4L, o.get(1), 2L, o.get(2), 2L, o.get(3), 0L), counts(shown, "results", "combined"));

        // top 2 by combined: 4, then a tie at 2 — both tied options go on; more than it has is refused
        post("/admin/events/" + id + "/questions/" + pollId + "/carry-forward", Json.createObjectBuilder().add("top", 4).build())
                .assertProblem(422, "event-carry-count");
        JsonObject next = post("/admin/events/" + id + "/questions/" + pollId + "/carry-forward",
                Json.createObjectBuilder().add("top", 2).build()).json();
        assertEquals(2, next.getInt("round"));
        assertEquals("PREPARED", next.getString("state"));
        assertEquals(pollId, next.getString("carriedFrom"));
        assertEquals(List.of("가로수길", "공공도서관", "청년주택"), next.getJsonArray("counts").stream()
                .map(c -> c.asJsonObject().getString("label")).toList());

        JsonObject announced = post("/admin/events/" + id + "/questions/" + pollId + "/announce", null).json();
        assertTrue(announced.getBoolean("announced"));
        post("/admin/events/" + id + "/questions/" + pollId + "/paper-counts", Json.createObjectBuilder()
                .add("counts", Json.createObjectBuilder().add(String.valueOf(o.get(3)), 9)).build())
                .assertProblem(422, "event-question-announced");
        // the hall's results are the operator's to show: not through the ordinary poll endpoints
        Api.get("/polls/" + pollId + "/results").assertProblem(404, "poll-not-found");
        Api.get("/polls/" + pollId).assertProblem(404, "poll-not-found");
        Api.get("/polls/" + pollId + "/summary").assertProblem(404, "poll-not-found");
        assertTrue(Api.get("/events/" + code + "/state").json().getJsonObject("question").getBoolean("announced"));
        assertEquals(3, Database.count("SELECT count(*) FROM audit_event WHERE action = 'event.paper-counts' AND target = ?",
                pollId), "every entry audited");
        assertEquals(2, Database.count("SELECT count(*) FROM audit_event WHERE action = 'event.confirm-paper-counts'"
                + " AND target = ? AND actor = 'sung.minjae' AND detail LIKE 'entered by event.lee, confirmed by sung.minjae%'",
                pollId), "confirmations audited with both names");
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'event.decline-paper-counts'"
                + " AND target = ? AND detail LIKE 'entered by event.lee, declined by sung.minjae%'", pollId));
        Api.get("/admin/events/" + id + "/questions", "Authorization", Api.OPERATOR).assertProblem(403, "role-required");
    }

    @Test
    void theLiveStreamSendsTheWholeStateOnConnectingAndEveryChangeAfter() throws Exception {
        JsonObject event = newEvent("실시간 화면", false);
        String id = event.getString("id");
        String code = event.getString("joinCode");
        String pass = join(code, tokens(id, 1).get(0));
        Api.get("/events/999999/live").assertProblem(404, "event-not-found");

        try (LiveStream screen = LiveStream.open(code)) {
            JsonObject first = screen.next(s -> true);
            assertEquals(code, first.getString("joinCode"));
            assertTrue(!first.containsKey("question") || first.isNull("question"), first.toString());
            assertEquals(1, first.getJsonNumber("joined").longValue());

            JsonObject question = addQuestion(id, 1, "YES_NO", "지금 이 화면이 보이십니까?", 1);
            String pollId = question.getString("pollId");
            open(id, pollId, 0);
            JsonObject opened = screen.next(s -> s.containsKey("question") && !s.isNull("question")
                    && "OPEN".equals(s.getJsonObject("question").getString("state")));
            assertEquals(pollId, opened.getJsonObject("question").getString("pollId"));

            post("/admin/events/" + id + "/questions/" + pollId + "/results", Json.createObjectBuilder().add("shown", true).build());
            long yes = optionIds(question).get(0);
            Instant voted = Instant.now();
            assertEquals(201, vote(code, pollId, pass, UUID.randomUUID().toString(), yes).status());
            // one ballot is not held back for a batch: the screen shows it within a second
            JsonObject counted = screen.next(s -> !s.isNull("question") && s.getJsonObject("question")
                    .getJsonArray("results").stream().anyMatch(r -> r.asJsonObject().getJsonNumber("combined").longValue() == 1));
            Duration behind = Duration.between(voted, Instant.now());
            assertTrue(behind.compareTo(Duration.ofMillis(1500)) < 0, "the screen was " + behind + " behind");
            assertEquals(1, counted.getJsonObject("question").getJsonNumber("ballots").longValue());
        }
        // a screen that reconnects gets the whole state at once
        try (LiveStream again = LiveStream.open(code)) {
            JsonObject state = again.next(s -> true);
            assertEquals(1, state.getJsonObject("question").getJsonNumber("ballots").longValue());
        }
    }

    @Test
    void aCountdownClosesTheQuestionByItselfAndLateBallotsAreRefused() {
        JsonObject event = newEvent("카운트다운", false);
        String id = event.getString("id");
        String code = event.getString("joinCode");
        String pass = join(code, tokens(id, 1).get(0));
        JsonObject question = addQuestion(id, 1, "YES_NO", "3초 안에 답하기", 1);
        String pollId = question.getString("pollId");
        post("/admin/events/" + id + "/questions/" + pollId + "/open", Json.createObjectBuilder()
                .add("countdownSeconds", 3601).build()).assertProblem(400, "validation-failed");
        JsonObject opened = open(id, pollId, 2);
        assertNotNull(opened.getString("closesAt"));
        Citizens.sleep(2500);
        vote(code, pollId, pass, UUID.randomUUID().toString(), optionIds(question).get(0)).assertProblem(409, "poll-not-open");
        long until = System.currentTimeMillis() + 5_000;
        String state = "";
        while (System.currentTimeMillis() < until && !state.equals("CLOSED")) {
            state = Api.get("/events/" + code + "/state").json().getJsonObject("question").getString("state");
            Citizens.sleep(200);
        }
        assertEquals("CLOSED", state, "closed by the countdown, not by hand");
    }

    @Test
    void wipingARehearsalRemovesItsBallotsAndPreparesItsQuestionsAgain() {
        JsonObject event = newEvent("리허설 질문", true);
        String id = event.getString("id");
        String code = event.getString("joinCode");
        String pass = join(code, tokens(id, 1).get(0));
        JsonObject asked = addQuestion(id, 1, "SINGLE_CHOICE", "리허설 질문입니다", 1, "가", "나", "다");
        JsonObject prepared = addQuestion(id, 2, "YES_NO", "아직 묻지 않은 질문", 1);
        String askedId = asked.getString("pollId");
        open(id, askedId, 0);
        assertEquals(201, vote(code, askedId, pass, UUID.randomUUID().toString(), optionIds(asked).get(0)).status());
        vote(code, prepared.getString("pollId"), pass, UUID.randomUUID().toString(), optionIds(prepared).get(0))
                .assertProblem(409, "poll-not-open"); // prepared, not asked yet
        post("/admin/events/" + id + "/questions/" + askedId + "/close", null);
        assertEquals(2, post("/admin/events/" + id + "/questions/" + askedId + "/carry-forward",
                Json.createObjectBuilder().add("top", 2).build()).json().getInt("round"), "carried by the rehearsal's votes");

        post("/admin/events/" + id + "/rehearsal/wipe", null);
        JsonObject console = Api.get("/admin/events/" + id + "/questions", "Authorization", EVENT_OPERATOR).json();
        List<JsonObject> questions = console.getJsonArray("questions").getValuesAs(JsonObject.class);
        assertEquals(List.of("리허설 질문입니다", "아직 묻지 않은 질문"), questions.stream().map(q -> q.getString("text")).toList());
        assertTrue(questions.stream().allMatch(q -> q.getString("state").equals("PREPARED") && q.getInt("ballots") == 0));
        assertFalse(questions.get(0).getString("pollId").equals(askedId), "a fresh question in its place");
        assertEquals(1, Database.count("SELECT count(*) FROM poll WHERE id = ?::uuid AND status = 'REMOVED'", askedId));
        // the hall remembers the asked question's event and id, but the ballot box reads the poll: it is gone
        vote(code, askedId, pass, UUID.randomUUID().toString(), optionIds(asked).get(1)).assertProblem(404, "poll-not-found");
        assertTrue(!Api.get("/events/" + code + "/state").json().containsKey("question")
                || Api.get("/events/" + code + "/state").json().isNull("question"), "nothing left on the screens");
    }

    // ---------------------------------------------------------------- helpers

    private static JsonObject newEvent(String title, boolean rehearsal) {
        Directory.ensureSynced();
        Api.Reply reply = Api.post("/admin/events", Json.createObjectBuilder().add("title", title)
                .add("startsAt", Instant.now().plus(Duration.ofHours(1)).toString()).add("venue", "시청 대회의실")
                .add("rehearsal", rehearsal).build(), "Authorization", EVENT_OPERATOR);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private static List<String> tokens(String eventId, int count) {
        return Api.post("/admin/events/" + eventId + "/tokens?count=" + count, null, "Authorization", EVENT_OPERATOR)
                .json().getJsonArray("codes").getValuesAs(jakarta.json.JsonString.class).stream()
                .map(jakarta.json.JsonString::getString).toList();
    }

    private static void register(String eventId, String... phones) {
        JsonArrayBuilder rows = Json.createArrayBuilder();
        for (String phone : phones) {
            rows.add(Json.createObjectBuilder().add("name", "참가자").add("phone", phone));
        }
        assertEquals(phones.length, Api.post("/admin/events/" + eventId + "/participants",
                Json.createObjectBuilder().add("participants", rows).build(), "Authorization", EVENT_OPERATOR)
                .json().getInt("added"));
    }

    private static String join(String code, String card) {
        Api.Reply joined = Api.post("/events/" + code + "/join-with-token", Json.createObjectBuilder().add("token", card).build());
        assertEquals(200, joined.status(), joined.body());
        return joined.json().getString("token");
    }

    private static String passWithPhone(String code, String signIn) {
        Api.Reply joined = Api.post("/events/" + code + "/join-with-phone", null, "Authorization", "Bearer " + signIn);
        assertEquals(200, joined.status(), joined.body());
        return joined.json().getString("token");
    }

    private static JsonObject addQuestion(String eventId, int round, String type, String text, int max, String... options) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String option : options) {
            list.add(option);
        }
        Api.Reply added = post("/admin/events/" + eventId + "/questions", Json.createObjectBuilder().add("round", round)
                .add("question", Json.createObjectBuilder().add("type", type).add("text", text).add("options", list)
                        .add("maxSelections", max)).build());
        assertEquals(200, added.status(), added.body());
        return added.json();
    }

    private static JsonObject open(String eventId, String pollId, int countdown) {
        Api.Reply opened = post("/admin/events/" + eventId + "/questions/" + pollId + "/open",
                Json.createObjectBuilder().add("countdownSeconds", countdown).build());
        assertEquals(200, opened.status(), opened.body());
        assertEquals("OPEN", opened.json().getString("state"));
        return opened.json();
    }

    private static Api.Reply post(String path, JsonObject body) {
        return Api.post(path, body, "Authorization", EVENT_OPERATOR);
    }

    private static Api.Reply vote(String code, String pollId, String bearer, String key, long option) {
        return Api.send("POST", "/events/" + code + "/questions/" + pollId + "/ballots", "{\"optionIds\":[" + option + "]}",
                "Authorization", "Bearer " + bearer, "Idempotency-Key", key, "Content-Type", "application/json");
    }

    /** The ordinary ballot endpoint every poll has (what the app uses), with the citizen's own sign-in. */
    private static Api.Reply pollBallot(String pollId, String signIn, long option) {
        long questionId = Database.count("SELECT id FROM question WHERE poll_id = ?::uuid", pollId);
        return Api.send("POST", "/polls/" + pollId + "/ballots", Polls.ballot(questionId, option).toString(),
                "Authorization", "Bearer " + signIn, "X-MVoting-Channel", "APP",
                "Idempotency-Key", UUID.randomUUID().toString(), "Content-Type", "application/json");
    }

    private static List<Long> optionIds(JsonObject question) {
        return question.getJsonArray("counts").stream().map(c -> c.asJsonObject().getJsonNumber("optionId").longValue())
                .toList();
    }

    private static Map<Long, Long> counts(JsonObject question, String which) {
        return counts(question, "counts", which);
    }

    private static Map<Long, Long> counts(JsonObject question, String list, String which) {
        Map<Long, Long> counts = new HashMap<>();
        for (JsonValue value : question.getJsonArray(list)) {
            JsonObject c = value.asJsonObject();
            counts.put(c.getJsonNumber("optionId").longValue(), c.getJsonNumber(which).longValue());
        }
        return counts;
    }

    /** A screen watching the hall: the "state" events of the live stream, as they arrive. */
    private static final class LiveStream implements AutoCloseable {
        private final BlockingQueue<JsonObject> states = new LinkedBlockingQueue<>();
        private final HttpClient client = HttpClient.newHttpClient();
        private final java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> response;
        private volatile java.util.stream.Stream<String> lines;

        private LiveStream(String code) {
            response = client.sendAsync(HttpRequest.newBuilder(URI.create(Api.BASE + "/events/" + code + "/live"))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
            response.thenAcceptAsync(r -> {
                lines = r.body();
                r.body().filter(line -> line.startsWith("data:")).forEach(line -> states.add(
                        Json.createReader(new StringReader(line.substring(5).strip())).readObject()));
            });
        }

        static LiveStream open(String code) {
            return new LiveStream(code);
        }

        /** The first state (from now on) that matches, waiting up to 10 s. */
        JsonObject next(Predicate<JsonObject> wanted) throws InterruptedException {
            long until = System.currentTimeMillis() + 10_000;
            while (System.currentTimeMillis() < until) {
                JsonObject state = states.poll(200, TimeUnit.MILLISECONDS);
                if (state != null && wanted.test(state)) {
                    return state;
                }
            }
            throw new AssertionError("no such state on the live stream within 10 s");
        }

        @Override
        public void close() {
            response.cancel(true);
            if (lines != null) {
                lines.close(); // ends the connection: the server sees the screen go
            }
        }
    }
}
