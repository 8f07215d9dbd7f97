package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;

/**
 * PANEL_SAMPLE polls end to end (issue 17, parts 2-4): the design approved with the poll, the seeded draw at approval
 * that an auditor re-runs from the recorded seed, invitations and replacements, only-invited voting, quota cells that
 * never overshoot under 200 concurrent responders, and the ballot's coarse stratum reaching the per-stratum counts
 * with small strata suppressed. Each test isolates its panel by a birth year no other test uses (the age filter).
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PanelSampleIT {

    private static final List<String> SEOUL_DISTRICTS = List.of("JONGNO", "JUNG", "YONGSAN", "SEONGDONG", "GWANGJIN",
            "DONGDAEMUN", "JUNGNANG", "SEONGBUK", "GANGBUK", "DOBONG", "NOWON", "EUNPYEONG", "SEODAEMUN", "MAPO",
            "YANGCHEON", "GANGSEO", "GURO", "GEUMCHEON", "YEONGDEUNGPO", "DONGJAK", "GWANAK", "SEOCHO", "GANGNAM",
            "SONGPA", "GANGDONG");

    private static final int THIS_YEAR = Year.now(ZoneId.of("Asia/Seoul")).getValue();

    private static List<Member> smsMembers;
    private static java.time.Instant smsMembersJoinedAt;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    /** A panel member: signed in, profile saved (consent), signed in again so the panel knows their number. */
    private record Member(String phone, String token, UUID citizenId) {
    }

    private static List<Member> join(int count, String district, String gender, int birthYear, boolean signInAgain) {
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            phones.add(Citizens.newPhone());
        }
        Map<String, String> tokens = Citizens.signIn(phones);
        Citizens.parallel(phones, phone -> {
            Api.Reply saved = Api.put("/me/profile", Json.createObjectBuilder().add("consent", true).add("gender", gender)
                    .add("district", district).add("birthYear", birthYear).build(), "Authorization", "Bearer " + tokens.get(phone));
            assertEquals(200, saved.status(), saved.body());
        });
        Map<String, String> current = signInAgain ? Citizens.signIn(phones) : tokens;
        return phones.stream().map(p -> new Member(p, current.get(p), citizenId(current.get(p)))).toList();
    }

    private static UUID citizenId(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(Json.createReader(new java.io.StringReader(payload)).readObject().getString("sub"));
    }

    private static JsonObject panelPoll(String title, String visibility) {
        return Polls.createDraft(Polls.draft(title, "PANEL_SAMPLE", visibility,
                Polls.question("SINGLE_CHOICE", "어느 쪽이 좋습니까?", "가", "나")));
    }

    private static JsonObjectBuilder design(List<String> dimensions, int targetPerCell, List<String> districts, int age,
                                            int overdraw, int replaceAfterMinutes) {
        JsonArrayBuilder dims = Json.createArrayBuilder();
        dimensions.forEach(dims::add);
        JsonArrayBuilder ds = Json.createArrayBuilder();
        districts.forEach(ds::add);
        return Json.createObjectBuilder().add("kind", "TARGETS").add("dimensions", dims).add("targetPerCell", targetPerCell)
                .add("filterDistricts", ds).add("filterMinAge", age).add("filterMaxAge", age).add("overdraw", overdraw)
                .add("replaceAfterMinutes", replaceAfterMinutes);
    }

    private static JsonObject putDesign(String pollId, JsonObjectBuilder design) {
        Api.Reply reply = Api.put("/admin/polls/" + pollId + "/sample-design", design.build(), "Authorization", Api.OPERATOR);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject sampleDesign(String pollId) {
        Api.Reply reply = Api.get("/admin/polls/" + pollId + "/sample-design", "Authorization", Api.OPERATOR);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static int invited(JsonObject design) {
        return design.getJsonArray("cells").stream().mapToInt(c -> c.asJsonObject().getInt("invited")).sum();
    }

    private static HttpRequest cast(JsonObject poll, int option, String token) {
        JsonObject ballot = Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(option));
        return HttpRequest.newBuilder(URI.create(Api.BASE + "/polls/" + poll.getString("id") + "/ballots"))
                .timeout(Duration.ofSeconds(120)).header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token).header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(ballot.toString(), StandardCharsets.UTF_8)).build();
    }

    /** The auditor's re-run: HMAC-SHA256(seed, citizen id) ascending per district, target x overdraw kept. */
    private static Map<String, List<UUID>> rerun(byte[] seed, int birthYear, List<String> districts, int keep) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(seed, "HmacSHA256"));
        Map<String, List<UUID>> drawn = new LinkedHashMap<>();
        for (String district : districts) {
            List<UUID> members = new ArrayList<>(Database.rows("SELECT p.citizen_id FROM citizen_profile p"
                            + " JOIN panel_contact k ON k.citizen_id = p.citizen_id WHERE p.birth_year = ? AND p.district = ?",
                    birthYear, district).stream().map(r -> UUID.fromString(r.get(0).toString())).toList());
            Map<UUID, byte[]> keys = new LinkedHashMap<>();
            members.forEach(m -> keys.put(m, mac.doFinal(m.toString().getBytes(StandardCharsets.UTF_8))));
            members.sort(Comparator.<UUID, byte[]>comparing(keys::get, Arrays::compareUnsigned));
            drawn.put(district + "/*/*", members.subList(0, Math.min(keep, members.size())));
        }
        return drawn;
    }

    @BeforeAll
    static void joinTheMembersWhoseNumbersWillBeKnown() {
        smsMembers = join(5, "GANGSEO", "FEMALE", THIS_YEAR - 92, false);
        smsMembersJoinedAt = java.time.Instant.now();
    }

    @Test
    @Order(1)
    void theApprovedDesignIsDrawnFromARecordedSeedThatDrawsTheSamePeopleAgainAndOnlyInviteesVote() throws Exception {
        int birthYear = THIS_YEAR - 90;
        List<Member> jung = join(6, "JUNG", "FEMALE", birthYear, false);
        List<Member> mapo = join(6, "MAPO", "FEMALE", birthYear, false);
        Member withdrawn = join(1, "JUNG", "FEMALE", birthYear, false).get(0);
        assertEquals(204, Api.send("DELETE", "/me/profile", null, "Authorization", "Bearer " + withdrawn.token()).status());
        assertEquals(0, Database.count("SELECT count(*) FROM panel_contact WHERE citizen_id = ?::uuid",
                withdrawn.citizenId().toString()), "leaving the panel forgets how to reach the member");

        JsonObject poll = panelPoll("패널 표본: 재현 가능한 추첨", "LIVE");
        String pollId = poll.getString("id");
        Api.post("/admin/polls/" + pollId + "/submit", null, "Authorization", Api.OPERATOR)
                .assertProblem(422, "sample-design-missing");
        JsonObject designed = putDesign(pollId, design(List.of("DISTRICT"), 2, List.of("JUNG", "MAPO"), 90, 2, 1440));
        assertEquals(2, designed.getJsonArray("cells").size());
        assertFalse(designed.containsKey("seed") && !designed.isNull("seed"), "no draw before approval");
        Polls.publish(poll);
        Api.put("/admin/polls/" + pollId + "/sample-design", design(List.of("DISTRICT"), 3, List.of("JUNG"), 90, 2, 1440)
                .build(), "Authorization", Api.OPERATOR).assertProblem(409, "sample-design-locked");

        JsonObject drawnDesign = sampleDesign(pollId);
        byte[] seed = HexFormat.of().parseHex(drawnDesign.getString("seed"));
        assertEquals(32, seed.length);
        assertTrue(drawnDesign.getString("algorithm").startsWith("HMAC-SHA256(seed"));
        assertEquals(4, invited(drawnDesign), "ranks 1..2 of each district invited at the draw");

        // the auditor's re-run from the recorded seed gives the same people, cells and ranks
        Map<String, List<UUID>> expected = rerun(seed, birthYear, List.of("JUNG", "MAPO"), 4);
        for (Map.Entry<String, List<UUID>> cell : expected.entrySet()) {
            List<UUID> recorded = Database.rows("SELECT citizen_id FROM sample_member WHERE poll_id = ?::uuid AND cell = ?"
                    + " ORDER BY draw_rank", pollId, cell.getKey()).stream().map(r -> UUID.fromString(r.get(0).toString())).toList();
            assertEquals(cell.getValue(), recorded, cell.getKey());
        }
        assertEquals(0, Database.count("SELECT count(*) FROM sample_member WHERE citizen_id = ?::uuid",
                withdrawn.citizenId().toString()), "a withdrawn member is not drawn");

        Set<UUID> invitedIds = new HashSet<>(Database.rows("SELECT citizen_id FROM sample_member WHERE poll_id = ?::uuid"
                + " AND invited_at IS NOT NULL", pollId).stream().map(r -> UUID.fromString(r.get(0).toString())).toList());
        List<Member> everyone = new ArrayList<>(jung);
        everyone.addAll(mapo);
        List<Member> invitees = everyone.stream().filter(m -> invitedIds.contains(m.citizenId())).toList();
        List<Member> others = everyone.stream().filter(m -> !invitedIds.contains(m.citizenId())).toList();
        assertEquals(4, invitees.size());

        // invitees see it among their invitations; the others, and citizens outside the panel, are refused
        JsonArray invitations = Api.get("/me/invitations", "Authorization", "Bearer " + invitees.get(0).token()).jsonArray();
        assertTrue(invitations.stream().anyMatch(i -> pollId.equals(i.asJsonObject().getString("id"))), invitations.toString());
        Api.send(cast(poll, 0, others.get(0).token())).assertProblem(403, "not-invited");
        Api.send(cast(poll, 0, Citizens.signIn(Citizens.newPhone()))).assertProblem(403, "not-invited");
        for (Member invitee : invitees) {
            Api.Reply voted = Api.send(cast(poll, 0, invitee.token()));
            assertEquals(201, voted.status(), voted.body());
        }
        Database.awaitMixed(pollId);

        // the stratum travels with the ballot into the clear table and the per-stratum counts; 2 ballots stay hidden
        assertEquals(2, Database.count("SELECT count(*) FROM ballot WHERE poll_id = ?::uuid AND stratum_district = 'JUNG'"
                + " AND stratum_gender = 'FEMALE' AND stratum_age_band = 70", pollId));
        assertEquals(2, Database.count("SELECT votes FROM stratum_tally WHERE poll_id = ?::uuid AND district = 'MAPO'"
                + " AND gender = 'FEMALE' AND age_band = 70 AND option_id = 0", pollId));
        JsonArray strata = Api.get("/admin/polls/" + pollId + "/strata", "Authorization", Api.OPERATOR).jsonArray();
        assertEquals(2, strata.size());
        for (JsonObject row : strata.getValuesAs(JsonObject.class)) {
            assertTrue(row.getBoolean("suppressed"), row.toString());
            assertTrue(!row.containsKey("ballots") || row.isNull("ballots"), "a stratum under 5 ballots shows no count: " + row);
        }
    }

    @Test
    @Order(2)
    void twoHundredConcurrentRespondersInOneStratumFillExactlyItsQuotaAndTheRestAreToldItIsFull() throws Exception {
        int birthYear = THIS_YEAR - 91;
        List<Member> members = join(200, "GURO", "MALE", birthYear, false);
        JsonObject poll = panelPoll("패널 표본: 정원 동시 응답", "LIVE");
        String pollId = poll.getString("id");
        putDesign(pollId, design(List.of("DISTRICT"), 50, List.of("GURO"), 91, 4, 0));
        Polls.publish(poll);
        assertTrue(invited(sampleDesign(pollId)) >= 50, "ranks 1..50 at the draw (the minute's timer may add more)");
        // nobody answered yet: each replacement run invites the next 50 ranks, until the draw's 200 are invited
        for (int i = 0; i < 3; i++) {
            assertEquals(200, Api.post("/admin/polls/" + pollId + "/sample-replacements", null, "Authorization", Api.OPERATOR)
                    .status());
        }
        assertEquals(200, invited(sampleDesign(pollId)));

        List<HttpRequest> requests = members.stream().map(m -> cast(poll, m.phone().hashCode() % 2 == 0 ? 0 : 1, m.token())).toList();
        List<Api.Reply> replies = concurrently(requests);
        assertEquals(50, replies.stream().filter(r -> r.status() == 201).count(), "exactly the target is accepted");
        replies.stream().filter(r -> r.status() != 201).forEach(r -> r.assertProblem(409, "sample-quota-full"));
        assertEquals(50, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId),
                "a refused cast leaves no participation");
        assertEquals(50, Database.count("SELECT filled FROM sample_cell WHERE poll_id = ?::uuid", pollId));
        JsonObject replaced = Api.post("/admin/polls/" + pollId + "/sample-replacements", null, "Authorization", Api.OPERATOR).json();
        assertEquals(200, invited(replaced), "a full cell invites nobody more");

        Database.awaitMixed(pollId);
        JsonArray strata = Api.get("/admin/polls/" + pollId + "/strata", "Authorization", Api.OPERATOR).jsonArray();
        assertEquals(1, strata.size());
        JsonObject row = strata.getJsonObject(0);
        assertEquals("GURO", row.getString("district"));
        assertEquals("MALE", row.getString("gender"));
        assertEquals(70, row.getInt("ageBand"));
        assertFalse(row.getBoolean("suppressed"));
        assertEquals(50, row.getJsonNumber("ballots").longValue());
        long chosen = row.getJsonObject("choices").values().stream().mapToLong(v -> ((jakarta.json.JsonNumber) v).longValue()).sum();
        assertEquals(50, chosen, "one choice per ballot in a single-choice question");
    }

    @Test
    @Order(3)
    void replacementInvitationsGoOutBySmsWhenInviteesDoNotFillTheirCell() {
        // the panel knows a member's number from their first sign-in after joining: one code a minute per number, so
        // these members joined before the other tests and sign in again now
        Citizens.sleep(Math.max(0, Duration.between(java.time.Instant.now(), smsMembersJoinedAt.plusSeconds(62)).toMillis()));
        Citizens.signIn(smsMembers.stream().map(Member::phone).toList());
        List<Member> members = smsMembers;
        JsonObject poll = panelPoll("패널 표본: 대체 초대", "AFTER_CLOSE");
        String pollId = poll.getString("id");
        putDesign(pollId, design(List.of(), 2, List.of("GANGSEO"), 92, 2, 0));
        Polls.publish(poll);
        List<String> phones = members.stream().map(Member::phone).toList();
        assertTrue(awaitInvitationSms(phones, 2) >= 2, "ranks 1 and 2 are texted the link at the draw");

        JsonObject after = Api.post("/admin/polls/" + pollId + "/sample-replacements", null, "Authorization", Api.OPERATOR).json();
        assertEquals(4, invited(after), "the unanswered invitations are replaced by ranks 3 and 4");
        assertEquals(4, awaitInvitationSms(phones, 4));
        assertTrue(Database.count("SELECT count(*) FROM audit_event WHERE action = 'poll.sample-replace' AND target = ?",
                pollId) >= 1);
        // results per stratum wait for the close
        Api.get("/admin/polls/" + pollId + "/strata", "Authorization", Api.OPERATOR).assertProblem(403, "results-not-visible");
    }

    /**
     * Part 5: one raked dimension (the design keeps women of one age band, so only district is raked) is
     * post-stratification, w_h = (N_h / N) / (n_h / n), so every figure has a closed form computed here by hand. The
     * census rows outside the design's filters (men, another band, another district) must not count.
     */
    @Test
    @Order(4)
    void weightedResultsEqualTheHandComputedPostStratificationAndSmallStrataStayHidden() throws Exception {
        int birthYear = THIS_YEAR - 89;
        int version = 100_000 + (int) (System.nanoTime() % 800_000 + 800_000) % 800_000;
        String censusId = UUID.randomUUID().toString();
        Database.execute("INSERT INTO census_table (id, version, title, source, illustrative, uploaded_by, uploaded_at)"
                + " VALUES (?::uuid, ?, '가중 IT 인구', 'IT 통계청 (가상)', TRUE, 'it', now())", censusId, version);
        Map<String, Long> women70 = new LinkedHashMap<>();
        women70.put("JONGNO", 3000L);
        women70.put("SEODAEMUN", 1000L);
        women70.put("GANGDONG", 1000L);
        women70.forEach((district, people) -> Database.execute("INSERT INTO census_cell (census_id, district, gender,"
                + " age_band, population) VALUES (?::uuid, ?, 'FEMALE', 70, ?)", censusId, district, people));
        // outside the filters: these must not change a single weight
        Database.execute("INSERT INTO census_cell VALUES (?::uuid, 'JONGNO', 'MALE', 70, 5000)", censusId);
        Database.execute("INSERT INTO census_cell VALUES (?::uuid, 'JONGNO', 'FEMALE', 60, 7000)", censusId);
        Database.execute("INSERT INTO census_cell VALUES (?::uuid, 'MAPO', 'FEMALE', 70, 9000)", censusId);

        // 6 + 5 + 2 ballots: option 가 chosen 4, 1 and 2 times
        Map<String, int[]> votes = new LinkedHashMap<>();
        votes.put("JONGNO", new int[] {4, 2});
        votes.put("SEODAEMUN", new int[] {1, 4});
        votes.put("GANGDONG", new int[] {2, 0});
        Map<String, List<Member>> members = new LinkedHashMap<>();
        votes.forEach((district, v) -> members.put(district, join(v[0] + v[1], district, "FEMALE", birthYear, false)));

        JsonObject poll = panelPoll("패널 표본: 가중 결과", "AFTER_CLOSE");
        String pollId = poll.getString("id");
        putDesign(pollId, Json.createObjectBuilder().add("kind", "PROPORTIONAL")
                .add("dimensions", Json.createArrayBuilder().add("DISTRICT")).add("totalN", 25).add("censusVersion", version)
                .add("filterGender", "FEMALE").add("filterMinAge", 89).add("filterMaxAge", 89)
                .add("filterDistricts", Json.createArrayBuilder().add("JONGNO").add("SEODAEMUN").add("GANGDONG"))
                .add("overdraw", 1).add("replaceAfterMinutes", 1440));
        Polls.publish(poll);
        for (Map.Entry<String, int[]> district : votes.entrySet()) {
            List<Member> voters = members.get(district.getKey());
            for (int i = 0; i < voters.size(); i++) {
                Api.Reply voted = Api.send(cast(poll, i < district.getValue()[0] ? 0 : 1, voters.get(i).token()));
                assertEquals(201, voted.status(), district.getKey() + ": " + voted.body());
            }
        }
        Database.awaitMixed(pollId);

        // AFTER_CLOSE: nobody sees it before the close, staff no more than the strata report allows
        Api.get("/polls/" + pollId + "/results/weighted").assertProblem(403, "results-not-visible");
        Api.get("/admin/polls/" + pollId + "/results/weighted", "Authorization", Api.OPERATOR)
                .assertProblem(403, "results-not-visible");
        Polls.close(pollId);

        Api.Reply reply = Api.get("/polls/" + pollId + "/results/weighted");
        assertEquals(200, reply.status(), reply.body());
        JsonObject weighted = reply.json();
        assertEquals(reply.json(), Api.get("/admin/polls/" + pollId + "/results/weighted", "Authorization", Api.OPERATOR)
                .json(), "staff and the public see the same figures");
        assertTrue(weighted.getBoolean("finalResult"));
        JsonObject census = weighted.getJsonObject("census");
        assertEquals(version, census.getInt("version"));
        assertEquals("IT 통계청 (가상)", census.getString("source"));
        assertTrue(census.getBoolean("illustrative"));
        assertEquals(5000, census.getJsonNumber("population").longValue(), "only the women of band 70 in the 3 districts");
        JsonObject method = weighted.getJsonObject("method");
        assertEquals(List.of("DISTRICT"), method.getJsonArray("raked").getValuesAs(jakarta.json.JsonString.class)
                .stream().map(jakarta.json.JsonString::getString).toList());
        assertEquals(2, method.getJsonArray("notRaked").size(), "gender and age band are filtered to one value");
        assertTrue(method.getBoolean("converged"));
        assertEquals(1e-6, method.getJsonNumber("tolerance").doubleValue());
        assertEquals(5.0, method.getJsonNumber("trimRatio").doubleValue());
        assertEquals(0, method.getInt("trimmedStrata"));

        // by hand: w_h = (N_h / N) / (n_h / n); p = Σ w_h c_h / n; n_eff = n² / Σ n_h w_h²; deff = n / n_eff
        double n = 13;
        double N = 5000;
        Map<String, Double> weights = new LinkedHashMap<>();
        double chose = 0;
        double squares = 0;
        long rawChose = 0;
        for (Map.Entry<String, int[]> district : votes.entrySet()) {
            int nh = district.getValue()[0] + district.getValue()[1];
            double w = (women70.get(district.getKey()) / N) / (nh / n);
            weights.put(district.getKey(), w);
            chose += w * district.getValue()[0];
            rawChose += district.getValue()[0];
            squares += nh * w * w;
        }
        assertEquals(1.3, weights.get("JONGNO"), 1e-12);
        assertEquals(0.52, weights.get("SEODAEMUN"), 1e-12);
        double p = chose / n;
        assertEquals(0.64, p, 1e-12, "(4·1.3 + 1·0.52 + 2·1.3) / 13");
        double nEff = n * n / squares;
        double deff = n / nEff;
        double moe = 1.96 * Math.sqrt(deff * p * (1 - p) / n);
        double moeOther = 1.96 * Math.sqrt(deff * (1 - p) * p / n);

        JsonObject question = weighted.getJsonArray("questions").getJsonObject(0);
        assertEquals(13, question.getInt("ballots"));
        assertEquals(nEff, question.getJsonNumber("effectiveSampleSize").doubleValue(), 1e-9);
        assertEquals(169 / 14.872, nEff, 1e-9);
        assertEquals(deff, question.getJsonNumber("designEffect").doubleValue(), 1e-9);
        JsonObject first = question.getJsonArray("options").getJsonObject(0);
        assertEquals("가", first.getString("label"));
        assertEquals(rawChose, first.getInt("rawCount"));
        assertEquals(7 / 13.0, first.getJsonNumber("rawShare").doubleValue(), 1e-12);
        assertEquals(p, first.getJsonNumber("weightedShare").doubleValue(), 1e-9);
        assertEquals(moe, first.getJsonNumber("marginOfError").doubleValue(), 1e-9);
        JsonObject second = question.getJsonArray("options").getJsonObject(1);
        assertEquals(1 - p, second.getJsonNumber("weightedShare").doubleValue(), 1e-9);
        assertEquals(moeOther, second.getJsonNumber("marginOfError").doubleValue(), 1e-9);

        // GANGDONG's 2 ballots are hidden, and SEODAEMUN with them, or the total would give GANGDONG away
        Map<String, JsonObject> strata = new LinkedHashMap<>();
        question.getJsonArray("strata").getValuesAs(JsonObject.class).forEach(s -> strata.put(s.getString("district"), s));
        assertEquals("SHOWN", strata.get("JONGNO").getString("visibility"));
        assertEquals(6, strata.get("JONGNO").getInt("ballots"));
        assertEquals(1.3, strata.get("JONGNO").getJsonNumber("weight").doubleValue(), 1e-9);
        assertEquals("SUPPRESSED_SMALL", strata.get("GANGDONG").getString("visibility"));
        assertEquals("SUPPRESSED_COMPLEMENT", strata.get("SEODAEMUN").getString("visibility"));
        for (String hidden : List.of("GANGDONG", "SEODAEMUN")) {
            JsonObject row = strata.get(hidden);
            assertTrue(!row.containsKey("ballots") || row.isNull("ballots"), row.toString());
            assertTrue(!row.containsKey("weight") || row.isNull("weight"), row.toString());
        }
        for (JsonObject category : question.getJsonArray("categories").getValuesAs(JsonObject.class)) {
            if (List.of("GANGDONG", "SEODAEMUN").contains(category.getString("category"))) {
                assertTrue(!category.containsKey("ballots") || category.isNull("ballots"), category.toString());
            }
        }

        // the exports: the method written out and the same numbers (percent, two decimals, half-up)
        HttpRequest csvRequest = HttpRequest.newBuilder(URI.create(Browser.SITE + "/admin/download/weighted/" + pollId + ".csv"))
                .header("Authorization", Api.OPERATOR).header("Accept-Language", "en").build();
        java.net.http.HttpResponse<String> csv = java.net.http.HttpClient.newHttpClient().send(csvRequest,
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(200, csv.statusCode(), csv.body());
        String text = csv.body();
        for (String expected : List.of("64.00", "36.00", "53.85", percent(moe), decimals(nEff, 2), decimals(deff, 3),
                "1.3000", "IT 통계청 (가상)", "1.0e-06", "DISTRICT", "n_eff = (Σ w)² / Σ w²", "1.96 · √(deff · p(1 − p) / n)")) {
            assertTrue(text.contains(expected), "CSV lacks " + expected + ":\n" + text);
        }
        assertFalse(text.contains("0.5200"), "a hidden stratum's weight is not exported");
        for (String format : List.of("xlsx", "pdf")) {
            java.net.http.HttpResponse<byte[]> file = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(Browser.SITE + "/admin/download/weighted/" + pollId + "." + format))
                    .header("Authorization", Api.OPERATOR).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, file.statusCode(), format);
            assertTrue(file.body().length > 1000, format);
        }
        assertEquals(3, Database.count("SELECT count(*) FROM audit_event WHERE action LIKE 'download.weighted-%'"
                + " AND target = ?", pollId));

        String weightedText = "64.0%";
        String marginText = "±" + new java.math.BigDecimal(Double.toString(moe)).movePointRight(2)
                .setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%p";
        List<org.openqa.selenium.WebDriver> browsers = new ArrayList<>();
        try {
            // the portal's card: chart, an accessible table, the method and the census's "illustrative" badge
            org.openqa.selenium.WebDriver portal = Browser.open(1280, 1000);
            browsers.add(portal);
            portal.get(Browser.SITE + "/admin/");
            PhoneScreens.waitFor(portal).until(d -> d.getCurrentUrl().contains("login.xhtml"));
            PhoneScreens.type(portal, "login:id", "it.operator");
            PhoneScreens.type(portal, "login:password", Api.DEMO_PASSWORD);
            PhoneScreens.click(portal, "login:submit");
            PhoneScreens.waitFor(portal).until(d -> !d.getCurrentUrl().contains("login.xhtml"));
            portal.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
            org.openqa.selenium.WebElement table = PhoneScreens.waitFor(portal).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("weighted-q1")));
            assertFalse(table.findElement(By.tagName("caption")).getText().isBlank());
            assertEquals(5, table.findElements(By.cssSelector("thead th[scope=col]")).size());
            assertEquals(2, table.findElements(By.cssSelector("tbody th[scope=row]")).size());
            assertEquals(weightedText, portal.findElement(By.id("weighted-q1-o1-weighted")).getText());
            assertEquals(marginText, portal.findElement(By.id("weighted-q1-o1-margin")).getText());
            assertEquals(decimals(nEff, 1), portal.findElement(By.id("weighted-q1-neff")).getText());
            assertTrue(portal.findElement(By.id("weighted-illustrative")).isDisplayed());
            assertTrue(portal.findElement(By.id("weighted-chart-q1")).getAttribute("data-chart").contains("64.0"));
            String strataTable = portal.findElement(By.id("weighted-q1-strata")).getText();
            assertTrue(strataTable.contains("5표 미만") && strataTable.contains("비공개") && strataTable.contains("1.300"),
                    strataTable);
            assertFalse(strataTable.contains("0.520"), "a hidden stratum's weight is not shown");
            assertTrue(portal.findElement(By.id("weighted-method")).getText().contains("1.0e-06"));

            // the phone (360 px): the weighted shares beside the raw ones, in a table within the screen
            org.openqa.selenium.WebDriver phone = Browser.open(360, 740);
            browsers.add(phone);
            phone.get(Browser.SITE + "/m/#/polls/" + pollId + "/results");
            org.openqa.selenium.WebElement row = PhoneScreens.waitFor(phone).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.visibilityOfElementLocated(By.id("weighted-q1-o1")));
            assertEquals("가", row.findElement(By.cssSelector("th[scope=row]")).getText());
            List<String> cells = row.findElements(By.tagName("td")).stream().map(org.openqa.selenium.WebElement::getText).toList();
            assertEquals(List.of("53.8%", "64%", marginText), cells);
            assertTrue(phone.findElement(By.cssSelector("#weighted-q1 caption")).getText().contains("어느 쪽이 좋습니까?"));
            Object fits = ((org.openqa.selenium.JavascriptExecutor) phone).executeScript(
                    "return document.getElementById('weighted-q1').getBoundingClientRect().right <= window.innerWidth;");
            assertEquals(Boolean.TRUE, fits, "the table fits a 360 px screen");
        } finally {
            Browser.closeAll(browsers);
        }
    }

    /**
     * Issue 17 end to end in the portal, on two raked dimensions: the operator states a PROPORTIONAL design on
     * district x gender (two districts, one age) against a census version in the portal form, the head approves the
     * poll in the portal, the invited members vote, the poll closes, and the operator reads the weighted card. The
     * census cross-table is not matched cell by cell: the weights come from raking to its district and gender margins,
     * which this test repeats with its own small IPF (the same cycle order and stopping rule as docs/weighting.md) to
     * get the cycles, the weighted shares, n_eff, deff, the margins of error and the per-category shares. The sample's
     * cross-ratios differ from the census's, so post-stratification would give other figures (checked).
     * With -Dmvoting.screenshots.dir=DIR it saves the design form, the panel strata page and the weighted card there.
     */
    @Test
    @Order(5)
    void anOperatorDesignsARakedSampleInThePortalTheHeadApprovesItAndTheCardShowsTheRakedFigures() throws Exception {
        int birthYear = THIS_YEAR - 88;
        // a fixed version (far above the uploads' numbering) so that the screenshots read the same on every run
        int version = 988_088;
        String censusId = UUID.randomUUID().toString();
        Database.execute("DELETE FROM census_cell WHERE census_id IN (SELECT id FROM census_table WHERE version = ?)", version);
        Database.execute("DELETE FROM census_table WHERE version = ?", version);
        Database.execute("INSERT INTO census_table (id, version, title, source, illustrative, uploaded_by, uploaded_at)"
                + " VALUES (?::uuid, ?, '레이킹 IT 인구', 'IT 통계청 (가상)', TRUE, 'it', now())", censusId, version);
        // district, gender, people (age band 70, the top band: 70 and over), ballots, ballots choosing 가
        Object[][] cells = {
            {"GANGBUK", "FEMALE", 4000L, 8, 6},
            {"GANGBUK", "MALE", 3000L, 3, 1},
            {"EUNPYEONG", "FEMALE", 2000L, 5, 2},
            {"EUNPYEONG", "MALE", 3000L, 9, 3},
        };
        for (Object[] cell : cells) {
            Database.execute("INSERT INTO census_cell (census_id, district, gender, age_band, population)"
                    + " VALUES (?::uuid, ?, ?, 70, ?)", censusId, cell[0], cell[1], cell[2]);
        }
        // every other stratum of the city (all 350, as an upload must have; the panel page shows the newest table):
        // outside the design's filters, so none of them may move a weight (N stays 12000)
        Database.execute("INSERT INTO census_cell (census_id, district, gender, age_band, population)"
                + " SELECT ?::uuid, d, g, b, 1000 + 10 * b FROM unnest(?::text[]) d, unnest(ARRAY['FEMALE', 'MALE']) g,"
                + " unnest(ARRAY[10, 20, 30, 40, 50, 60, 70]) b WHERE NOT (d IN ('GANGBUK', 'EUNPYEONG') AND b = 70)",
                censusId, (Object) SEOUL_DISTRICTS.toArray(new String[0]));
        assertEquals(350, Database.count("SELECT count(*) FROM census_cell WHERE census_id = ?::uuid", censusId));
        List<List<Member>> voters = new ArrayList<>();
        for (Object[] cell : cells) {
            voters.add(join((Integer) cell[3], (String) cell[0], (String) cell[1], birthYear, false));
        }

        JsonObject poll = panelPoll("패널 표본: 자치구와 성별로 레이킹", "AFTER_CLOSE");
        String pollId = poll.getString("id");
        List<org.openqa.selenium.WebDriver> browsers = new ArrayList<>();
        try {
            // the operator states the design in the portal form
            org.openqa.selenium.WebDriver operator = portal("it.operator", browsers);
            operator.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
            new org.openqa.selenium.support.ui.Select(PhoneScreens.waitFor(operator).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable(By.id("sample:kind"))))
                    .selectByValue("PROPORTIONAL");
            checked(operator, "sample:byDistrict", true);
            checked(operator, "sample:byGender", true);
            checked(operator, "sample:byAgeBand", false);
            PhoneScreens.type(operator, "sample:totalN", "100");
            PhoneScreens.type(operator, "sample:censusVersion", Integer.toString(version));
            PhoneScreens.type(operator, "sample:filterMinAge", "88");
            PhoneScreens.type(operator, "sample:filterMaxAge", "88");
            PhoneScreens.type(operator, "sample:filterDistricts", "GANGBUK,EUNPYEONG");
            PhoneScreens.click(operator, "sample:save");
            org.openqa.selenium.WebElement cellTable = PhoneScreens.waitFor(operator).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("sample-cells")));
            assertEquals(4, cellTable.findElements(By.cssSelector("tbody tr")).size(), cellTable.getText());
            JsonObject saved = sampleDesign(pollId);
            assertEquals("PROPORTIONAL", saved.getString("kind"));
            assertEquals(version, saved.getInt("censusVersion"));
            // 100 in proportion to the census within the filters: 4000, 3000, 2000, 3000 of 12000
            Map<String, Integer> targets = new LinkedHashMap<>();
            saved.getJsonArray("cells").getValuesAs(JsonObject.class).forEach(c -> targets.put(c.getString("cell"), c.getInt("target")));
            assertEquals(100, targets.values().stream().mapToInt(Integer::intValue).sum(), targets.toString());
            assertEquals(33, targets.entrySet().stream().filter(e -> e.getKey().startsWith("GANGBUK/FEMALE")).findFirst()
                    .orElseThrow().getValue(), targets.toString());
            screenshot(operator, operator.findElement(By.xpath("//h2[@id='sampleHeading']/..")), "sample-design-form.png");

            // the operator submits; the head approves in the portal, and the approval draws the sample
            Api.Reply submitted = Api.post("/admin/polls/" + pollId + "/submit", null, "Authorization", Api.OPERATOR);
            assertEquals(200, submitted.status(), submitted.body());
            org.openqa.selenium.WebDriver head = portal("it.head", browsers);
            head.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
            PhoneScreens.click(head, "view:approve");
            PhoneScreens.waitFor(head).until(d -> "OPEN".equals(d.findElement(By.id("pollStatus")).getAttribute("data-status")));
            assertEquals(25, invited(sampleDesign(pollId)), "every member is within the targets, all are invited");

            for (int c = 0; c < cells.length; c++) {
                List<Member> members = voters.get(c);
                for (int i = 0; i < members.size(); i++) {
                    Api.Reply voted = Api.send(cast(poll, i < (Integer) cells[c][4] ? 0 : 1, members.get(i).token()));
                    assertEquals(201, voted.status(), cells[c][0] + "/" + cells[c][1] + ": " + voted.body());
                }
            }
            Database.awaitMixed(pollId);
            Polls.close(pollId);

            // raking by hand: district then gender, until every margin is within 1e-6 (relative)
            Ipf ipf = Ipf.rake(cells, 1e-6, 100);
            assertTrue(ipf.cycles() > 1, "the sample is not a product of its margins: raking takes several cycles");
            double n = 25;
            double weightedBallots = 0;
            double chose = 0;
            double squares = 0;
            double postStratified = 0;
            for (int c = 0; c < cells.length; c++) {
                double w = ipf.weights()[c];
                int nh = (Integer) cells[c][3];
                weightedBallots += w * nh;
                chose += w * (Integer) cells[c][4];
                squares += w * w * nh;
                postStratified += ((Long) cells[c][2] / 12000.0) / (nh / n) * (Integer) cells[c][4];
            }
            assertEquals(n, weightedBallots, 1e-4, "the weights average 1");
            double p = chose / weightedBallots;
            double nEff = weightedBallots * weightedBallots / squares;
            double deff = n / nEff;
            double moe = 1.96 * Math.sqrt(deff * p * (1 - p) / n);
            assertTrue(Math.abs(p - postStratified / n) > 0.01, "raking to margins is not cell weighting: " + p);

            JsonObject weighted = Api.get("/admin/polls/" + pollId + "/results/weighted", "Authorization", Api.OPERATOR).json();
            JsonObject method = weighted.getJsonObject("method");
            assertEquals(List.of("DISTRICT", "GENDER"), method.getJsonArray("raked").getValuesAs(jakarta.json.JsonString.class)
                    .stream().map(jakarta.json.JsonString::getString).toList());
            assertEquals("AGE_BAND", method.getJsonArray("notRaked").getJsonObject(0).getString("dimension"));
            assertTrue(method.getBoolean("converged"));
            assertEquals(ipf.cycles(), method.getInt("iterations"), "the cycles the independent IPF took");
            assertEquals(ipf.deviation(), method.getJsonNumber("maxDeviation").doubleValue(), 1e-12);
            assertTrue(method.getJsonNumber("maxDeviation").doubleValue() <= 1e-6);
            assertEquals(0, method.getInt("trimmedStrata"), "no weight reaches 5 x the mean");
            assertEquals(12000, weighted.getJsonObject("census").getJsonNumber("population").longValue());
            JsonObject question = weighted.getJsonArray("questions").getJsonObject(0);
            assertEquals(nEff, question.getJsonNumber("effectiveSampleSize").doubleValue(), 1e-6);
            assertEquals(deff, question.getJsonNumber("designEffect").doubleValue(), 1e-6);
            JsonObject first = question.getJsonArray("options").getJsonObject(0);
            assertEquals(p, first.getJsonNumber("weightedShare").doubleValue(), 1e-6);
            assertEquals(moe, first.getJsonNumber("marginOfError").doubleValue(), 1e-6);

            // the per-category shares: Σ w c / Σ w n over the strata of each district and each gender
            Map<String, Double> categoryShares = new LinkedHashMap<>();
            for (int d = 0; d < 2; d++) {
                Map<String, double[]> sums = new LinkedHashMap<>();
                for (int c = 0; c < cells.length; c++) {
                    double[] sum = sums.computeIfAbsent((String) cells[c][d], k -> new double[2]);
                    sum[0] += ipf.weights()[c] * (Integer) cells[c][4];
                    sum[1] += ipf.weights()[c] * (Integer) cells[c][3];
                }
                String dimension = d == 0 ? "DISTRICT" : "GENDER";
                sums.forEach((category, sum) -> categoryShares.put(dimension + "/" + category, sum[0] / sum[1]));
            }
            long optionId = first.getJsonNumber("optionId").longValue();
            for (JsonObject category : question.getJsonArray("categories").getValuesAs(JsonObject.class)) {
                Double expected = categoryShares.get(category.getString("dimension") + "/" + category.getString("category"));
                if (expected != null) {
                    assertEquals("SHOWN", category.getString("visibility"), category.toString());
                    assertEquals(expected, category.getJsonObject("weightedShares").getJsonNumber(Long.toString(optionId))
                            .doubleValue(), 1e-6, category.toString());
                }
            }

            // the operator's card shows the same figures, rounded for display
            operator.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
            PhoneScreens.waitFor(operator).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("weighted-q1")));
            assertEquals(oneDecimal(p * 100) + "%", operator.findElement(By.id("weighted-q1-o1-weighted")).getText());
            assertEquals(oneDecimal((1 - p) * 100) + "%", operator.findElement(By.id("weighted-q1-o2-weighted")).getText());
            assertEquals("±" + oneDecimal(moe * 100) + "%p", operator.findElement(By.id("weighted-q1-o1-margin")).getText());
            assertEquals(oneDecimal(nEff), operator.findElement(By.id("weighted-q1-neff")).getText());
            assertEquals(decimals(deff, 2), operator.findElement(By.id("weighted-q1-deff")).getText());
            String method1 = operator.findElement(By.id("weighted-method")).getText();
            assertTrue(method1.contains("DISTRICT, GENDER") && method1.contains(ipf.cycles() + "회"), method1);
            // GANGBUK's 3 men are a small stratum: "<5", and the others hidden with it, no weight shown
            String strata = operator.findElement(By.id("weighted-q1-strata")).getText();
            assertTrue(strata.lines().anyMatch(l -> l.startsWith("GANGBUK / MALE / 70") && l.contains("<5")), strata);
            assertFalse(strata.contains(decimals(ipf.weights()[1], 3)), "the small stratum's weight is not shown");
            // the per-category table: the weighted share of 가 in each district and gender
            Map<String, String> shown = new LinkedHashMap<>();
            for (org.openqa.selenium.WebElement row : operator.findElements(By.cssSelector("#weighted-q1-categories tbody tr"))) {
                List<org.openqa.selenium.WebElement> tds = row.findElements(By.tagName("td"));
                shown.put(tds.get(0).getText() + "/" + row.findElement(By.cssSelector("th[scope=row]")).getText(),
                        tds.get(2).getText());
            }
            categoryShares.forEach((category, share) -> assertEquals(oneDecimal(share * 100) + "%", shown.get(category),
                    category + " in " + shown));
            screenshot(operator, operator.findElement(By.id("weightedSection")), "weighted-results-card.png");

            // the panel's strata counts page, as the operator reads it
            operator.get(Browser.SITE + "/admin/panel.xhtml");
            org.openqa.selenium.WebElement panelStrata = PhoneScreens.waitFor(operator).until(
                    org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id("panel-strata")));
            // GANGBUK's 3 men of band 70 are the only members of their row: "<5", never the count
            String gangbukMen = panelStrata.findElement(By.cssSelector("tr[data-district='GANGBUK'][data-gender='MALE']")).getText();
            assertTrue(gangbukMen.contains("<5") && !gangbukMen.matches(".*\\b3\\b.*"), gangbukMen);
            screenshot(operator, panelStrata, "panel-strata.png");
        } finally {
            Browser.closeAll(browsers);
        }
    }

    /**
     * Raking written out again for the test, independent of domain.weighting: weights start at 1; one cycle scales
     * every cell of each district, then of each gender, by target / weighted total (targets = census share x n);
     * after each cycle the largest relative deviation over both margins is compared with the tolerance.
     */
    private record Ipf(double[] weights, int cycles, double deviation) {

        static Ipf rake(Object[][] cells, double tolerance, int maxCycles) {
            double n = 0;
            double people = 0;
            for (Object[] cell : cells) {
                n += (Integer) cell[3];
                people += (Long) cell[2];
            }
            List<Map<String, Double>> targets = new ArrayList<>();
            for (int d = 0; d < 2; d++) {
                Map<String, Double> target = new LinkedHashMap<>();
                for (Object[] cell : cells) {
                    target.merge((String) cell[d], (Long) cell[2] * n / people, Double::sum);
                }
                targets.add(target);
            }
            double[] w = new double[cells.length];
            Arrays.fill(w, 1.0);
            int cycles = 0;
            double deviation = deviation(cells, w, targets);
            while (deviation > tolerance && cycles < maxCycles) {
                for (int d = 0; d < 2; d++) {
                    Map<String, Double> totals = totals(cells, w, d);
                    for (int c = 0; c < cells.length; c++) {
                        w[c] *= targets.get(d).get((String) cells[c][d]) / totals.get((String) cells[c][d]);
                    }
                }
                cycles++;
                deviation = deviation(cells, w, targets);
            }
            return new Ipf(w, cycles, deviation);
        }

        private static Map<String, Double> totals(Object[][] cells, double[] w, int d) {
            Map<String, Double> totals = new LinkedHashMap<>();
            for (int c = 0; c < cells.length; c++) {
                totals.merge((String) cells[c][d], w[c] * (Integer) cells[c][3], Double::sum);
            }
            return totals;
        }

        private static double deviation(Object[][] cells, double[] w, List<Map<String, Double>> targets) {
            double worst = 0;
            for (int d = 0; d < 2; d++) {
                for (Map.Entry<String, Double> total : totals(cells, w, d).entrySet()) {
                    double target = targets.get(d).get(total.getKey());
                    worst = Math.max(worst, Math.abs(total.getValue() - target) / target);
                }
            }
            return worst;
        }
    }

    private static org.openqa.selenium.WebDriver portal(String staffId, List<org.openqa.selenium.WebDriver> browsers) {
        org.openqa.selenium.WebDriver browser = Browser.open(1280, 1000);
        browsers.add(browser);
        browser.get(Browser.SITE + "/admin/");
        PhoneScreens.waitFor(browser).until(d -> d.getCurrentUrl().contains("login.xhtml"));
        PhoneScreens.type(browser, "login:id", staffId);
        PhoneScreens.type(browser, "login:password", Api.DEMO_PASSWORD);
        PhoneScreens.click(browser, "login:submit");
        PhoneScreens.waitFor(browser).until(d -> !d.getCurrentUrl().contains("login.xhtml"));
        return browser;
    }

    private static void checked(org.openqa.selenium.WebDriver browser, String id, boolean wanted) {
        org.openqa.selenium.WebElement box = browser.findElement(By.id(id));
        if (box.isSelected() != wanted) {
            box.click();
        }
    }

    /**
     * Saves a PNG of one element when -Dmvoting.screenshots.dir is set (docs/screenshots/ holds the committed ones).
     * Chromium clips an element's picture to the window, so the window is made tall enough and the element scrolled to
     * its top first; the window keeps that size for the rest of the test.
     */
    private static void screenshot(org.openqa.selenium.WebDriver browser, org.openqa.selenium.WebElement element,
                                   String name) throws java.io.IOException {
        String dir = System.getProperty("mvoting.screenshots.dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        org.openqa.selenium.JavascriptExecutor js = (org.openqa.selenium.JavascriptExecutor) browser;
        long height = ((Number) js.executeScript("return Math.ceil(arguments[0].getBoundingClientRect().height);", element))
                .longValue();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, (int) Math.max(1000, height + 240)));
        js.executeScript("arguments[0].scrollIntoView(true);", element);
        Citizens.sleep(300); // the chart re-draws at the new size
        java.nio.file.Path target = java.nio.file.Path.of(dir).resolve(name);
        java.nio.file.Files.createDirectories(target.getParent());
        java.nio.file.Files.write(target, element.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
    }

    private static String oneDecimal(double value) {
        return decimals(value, 1);
    }

    private static String percent(double fraction) {
        return new java.math.BigDecimal(Double.toString(fraction)).movePointRight(2)
                .setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String decimals(double value, int places) {
        return new java.math.BigDecimal(Double.toString(value)).setScale(places, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }

    /** Waits until {@code expected} of these phones got the invitation SMS with the poll's short link. */
    private static long awaitInvitationSms(List<String> phones, int expected) {
        long deadline = System.currentTimeMillis() + 30_000;
        long texted;
        do {
            texted = Database.count("SELECT count(DISTINCT recipient) FROM local_sms_message WHERE recipient = ANY (?)"
                    + " AND body LIKE '%/p/%'", (Object) phones.toArray(new String[0]));
            if (texted >= expected) {
                return texted;
            }
            Citizens.sleep(200);
        } while (System.currentTimeMillis() < deadline);
        return texted;
    }

    private static List<Api.Reply> concurrently(List<HttpRequest> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
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
}
