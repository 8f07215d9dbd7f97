package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Mileage (issue 17 part 6) on the real server and PostgreSQL: one award per citizen and poll under concurrency, never
 * for staff or signed-out devices; the citizen's balance and history; a removed poll reversed exactly once; the finance
 * office's monthly payout files; the auditors' view and who is refused; the ledger append-only for the server's role.
 */
@ExtendWith(ArquillianExtension.class)
class MileageIT {

    /** 서준서 주무관 (TEAM-GENERAL-HR): the demo directory's FINANCE member. */
    private static final String FINANCE = Api.basic("seo.junseo");
    private static final String AUDITOR = Api.basic("audit.kim");
    private static final ZoneId CITY = ZoneId.of("Asia/Seoul");

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @BeforeEach
    void directorySynced() {
        Directory.ensureSynced();
    }

    // ---- awards: once per citizen and poll ----

    @Test
    void fiftyConcurrentCastsAndRetriesOfOneCitizenEarnOneAwardAndThirtyCitizensEarnOneEach() {
        JsonObject poll = payingPoll("동시 참여 마일리지 " + suffix(), 100);
        String pollId = poll.getString("id");
        String token = Citizens.signIn(Citizens.newPhone());
        String retriedKey = UUID.randomUUID().toString();
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        // 25 retries of one attempt (same idempotency key) and 25 other attempts, all at once
        Citizens.parallel(IntStream.range(0, 50).mapToObj(Integer::toString).toList(), i -> statuses.add(
                cast(poll, "Bearer " + token, Integer.parseInt(i) % 2 == 0 ? retriedKey : UUID.randomUUID().toString())
                        .status()));
        assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 201 || s == 409), statuses.toString());
        assertTrue(statuses.contains(201), "one attempt counted: " + statuses);
        assertEquals(1, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?", uuid(pollId)));
        assertEquals(1, Database.count("SELECT count(*) FROM mileage_entry WHERE poll_id = ? AND citizen_id = ?",
                uuid(pollId), citizenId(token)));

        Map<String, String> others = Citizens.signIn(IntStream.range(0, 30).mapToObj(i -> Citizens.newPhone()).toList());
        Citizens.parallel(others.values(), t -> assertEquals(201,
                cast(poll, "Bearer " + t, UUID.randomUUID().toString()).status()));
        // and each of them retries at once: still one award each
        Citizens.parallel(others.values(), t -> cast(poll, "Bearer " + t, UUID.randomUUID().toString()));
        assertEquals(31, Database.count("SELECT count(*) FROM mileage_entry WHERE poll_id = ? AND kind = 'AWARD'"
                + " AND amount_won = 100", uuid(pollId)));
        assertEquals(31, Database.count("SELECT count(DISTINCT citizen_id) FROM mileage_entry WHERE poll_id = ?",
                uuid(pollId)));
        for (String t : others.values()) {
            assertEquals(1, Database.count("SELECT count(*) FROM mileage_entry WHERE poll_id = ? AND citizen_id = ?",
                    uuid(pollId), citizenId(t)));
        }
    }

    @Test
    void theAwardHoldsNoBallotNoChoiceAndNoTimeOfDay() {
        Set<String> columns = Database.rows("SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = current_schema() AND table_name = 'mileage_entry'").stream()
                .map(r -> (String) r.get(0)).collect(Collectors.toSet());
        assertEquals(Set.of("id", "citizen_id", "poll_id", "kind", "amount_won", "entry_day", "reverses"), columns);
        assertEquals("date", Database.rows("SELECT data_type FROM information_schema.columns WHERE table_schema ="
                + " current_schema() AND table_name = 'mileage_entry' AND column_name = 'entry_day'").get(0).get(0));
    }

    @Test
    void aSignedOutDeviceVoterAndAPollThatPaysNothingEarnNothing() {
        JsonObject deviceLevel = Polls.open(Polls.draft("기기 투표 마일리지 " + suffix(), "OPEN", "LIVE",
                Polls.question("YES_NO", "좋습니까?")).add("minimumAssurance", "DEVICE").add("mileageWon", 100));
        Api.Reply anonymous = Api.send("POST", "/polls/" + deviceLevel.getString("id") + "/ballots", ballotOf(deviceLevel),
                "X-Device-Id", Citizens.newDevice(), "Idempotency-Key", UUID.randomUUID().toString());
        assertEquals(201, anonymous.status(), anonymous.body());
        String token = Citizens.signIn(Citizens.newPhone());
        assertEquals(201, cast(deviceLevel, "Bearer " + token, UUID.randomUUID().toString()).status());
        assertEquals(1, Database.count("SELECT count(*) FROM mileage_entry WHERE poll_id = ?", uuid(deviceLevel.getString("id"))),
                "only the signed-in citizen earned");

        JsonObject unpaid = Polls.open(Polls.draft("마일리지 없는 투표 " + suffix(), "OPEN", "LIVE",
                Polls.question("YES_NO", "좋습니까?")));
        assertEquals(0, unpaid.getInt("mileageWon"));
        assertEquals(201, cast(unpaid, "Bearer " + token, UUID.randomUUID().toString()).status());
        assertEquals(0, Database.count("SELECT count(*) FROM mileage_entry WHERE poll_id = ?", uuid(unpaid.getString("id"))));
    }

    @Test
    void onlyACityPollForCitizensMayPayAndWithinTheLimit() {
        Polls.ensureDepartment();
        Api.Reply staffPoll = Api.post("/admin/polls", Polls.draft("직원 마일리지 " + suffix(), "ORG_UNITS", "LIVE",
                Polls.question("YES_NO", "좋습니까?")).add("kind", "CITY_TO_STAFF").add("mileageWon", 100).build(),
                "Authorization", Api.OPERATOR);
        staffPoll.assertProblem(422, "poll-mileage-only-for-citizen-polls");
        Api.Reply tooMuch = Api.post("/admin/polls", Polls.draft("너무 많은 마일리지 " + suffix(), "OPEN", "LIVE",
                Polls.question("YES_NO", "좋습니까?")).add("mileageWon", 10_001).build(), "Authorization", Api.OPERATOR);
        assertEquals(400, tooMuch.status(), tooMuch.body());
        JsonObject draft = Polls.createDraft(Polls.draft("정책 투표 " + suffix(), "OPEN", "LIVE",
                Polls.question("YES_NO", "좋습니까?")).add("mileageWon", 100));
        assertEquals(100, draft.getInt("mileageWon"));
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'poll.create' AND target = ?"
                + " AND detail LIKE '%(mileage 100 won)'", draft.getString("id")));
    }

    // ---- my page ----

    @Test
    void myPageShowsTheBalanceAndHistoryAndARemovalReversesOnceEvenWhenAskedTwiceAtOnce() {
        JsonObject hundred = payingPoll("백 원 투표 " + suffix(), 100);
        JsonObject threeHundred = payingPoll("삼백 원 투표 " + suffix(), 300);
        String token = Citizens.signIn(Citizens.newPhone());
        String other = Citizens.signIn(Citizens.newPhone());
        assertEquals(201, cast(hundred, "Bearer " + token, UUID.randomUUID().toString()).status());
        assertEquals(201, cast(threeHundred, "Bearer " + token, UUID.randomUUID().toString()).status());
        assertEquals(201, cast(hundred, "Bearer " + other, UUID.randomUUID().toString()).status());

        JsonObject before = mine(token);
        assertEquals(400, before.getJsonNumber("balanceWon").longValue());
        assertEquals(2, before.getJsonArray("history").size());
        assertTrue(before.getString("payeeCode").matches("MV-[0-9A-F]{5}-[0-9A-F]{5}-[0-9A-F]{5}"), before.toString());
        assertEquals(before.getString("payeeCode"), mine(token).getString("payeeCode"), "the code is stable");
        assertFalse(before.getString("payeeCode").equals(mine(other).getString("payeeCode")));
        JsonObject line = lineOf(before, hundred.getString("id"), "AWARD");
        assertEquals(100, line.getInt("amountWon"));
        assertEquals(LocalDate.now(CITY).toString(), line.getString("day"));
        assertFalse(line.getBoolean("reversed"));
        assertEquals(hundred.getString("title"), line.getString("pollTitle"));
        Api.get("/me/mileage").assertProblem(401, "token-missing");

        // the department's operator may not remove; another department's head may not either
        removal(hundred, Api.OPERATOR).assertProblem(403, "role-required");
        assertEquals(403, removal(hundred, Api.basic("econ.head")).status());
        // two removals at the same moment: one succeeds, the other finds the poll removed
        List<Integer> statuses = new CopyOnWriteArrayList<>();
        Citizens.parallel(List.of("a", "b"), x -> statuses.add(removal(hundred, Api.HEAD).status()));
        Collections.sort(statuses);
        assertEquals(List.of(200, 409), statuses);
        assertEquals(409, removal(hundred, Api.HEAD).status(), "removing again is refused");
        String pollId = hundred.getString("id");
        assertEquals(2, Database.count("SELECT count(*) FROM mileage_entry WHERE poll_id = ? AND kind = 'REVERSAL'"
                + " AND amount_won = -100", uuid(pollId)), "one reversal per award, however often it was asked");
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'mileage.reverse' AND target = ?"
                + " AND detail = '2 awards reversed, -200 won' AND actor = 'it.head'", pollId));
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'poll.remove' AND target = ?", pollId));

        JsonObject after = mine(token);
        assertEquals(300, after.getJsonNumber("balanceWon").longValue());
        assertEquals(3, after.getJsonArray("history").size());
        assertTrue(lineOf(after, pollId, "AWARD").getBoolean("reversed"));
        assertEquals(-100, lineOf(after, pollId, "REVERSAL").getInt("amountWon"));
        assertFalse(lineOf(after, threeHundred.getString("id"), "AWARD").getBoolean("reversed"));
        assertEquals(0, mine(other).getJsonNumber("balanceWon").longValue());
        // a removed poll takes no more ballots, so nothing lands after its reversals
        assertEquals(404, cast(hundred, "Bearer " + Citizens.signIn(Citizens.newPhone()), UUID.randomUUID().toString()).status());
    }

    @Test
    void closingAPayingPollRecordsItsAwardsInTheAuditChain() {
        JsonObject poll = payingPoll("마감 기록 " + suffix(), 150);
        for (String t : Citizens.signIn(List.of(Citizens.newPhone(), Citizens.newPhone())).values()) {
            assertEquals(201, cast(poll, "Bearer " + t, UUID.randomUUID().toString()).status());
        }
        Polls.close(poll.getString("id"));
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'mileage.awarded' AND target = ?"
                + " AND detail = '2 awards of 150 won, 300 won'", poll.getString("id")));
    }

    // ---- the finance office and auditors ----

    @Test
    void theMonthlyPayoutNamesPayeeCodesWithTheirTotalsAndTheRowsAndIsRecorded() throws Exception {
        JsonObject first = payingPoll("지급 첫째 " + suffix(), 100);
        JsonObject second = payingPoll("지급 둘째 " + suffix(), 250);
        String phone = Citizens.newPhone();
        String token = Citizens.signIn(phone);
        assertEquals(201, cast(first, "Bearer " + token, UUID.randomUUID().toString()).status());
        assertEquals(201, cast(second, "Bearer " + token, UUID.randomUUID().toString()).status());
        String code = mine(token).getString("payeeCode");
        String month = YearMonth.now(CITY).toString();

        Api.Reply payout = Api.get("/admin/mileage/payouts/" + month, "Authorization", FINANCE);
        assertEquals(200, payout.status(), payout.body());
        JsonObject payee = payout.json().getJsonArray("payees").stream().map(JsonValue::asJsonObject)
                .filter(p -> p.getString("payeeCode").equals(code)).findFirst().orElseThrow();
        assertEquals(350, payee.getJsonNumber("netWon").longValue());
        assertEquals(2, payee.getJsonNumber("awards").longValue());
        long rows = payout.json().getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                .filter(e -> e.getString("payeeCode").equals(code)).count();
        assertEquals(2, rows);
        long sum = payout.json().getJsonArray("entries").stream().map(JsonValue::asJsonObject)
                .mapToLong(e -> e.getInt("amountWon")).sum();
        assertEquals(sum, payout.json().getJsonNumber("netWon").longValue(), "the total is the sum of the rows");

        HttpResponse<byte[]> csv = download("/admin/download/mileage/" + month + ".csv", FINANCE);
        assertEquals(200, csv.statusCode());
        String text = new String(csv.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains(code + ",2,0,350"), text);
        assertTrue(text.contains(first.getString("id")) && text.contains(second.getString("id")));
        assertFalse(text.contains(phone.substring(3)) || text.contains(phone), "no phone number in the file");
        HttpResponse<byte[]> xlsx = download("/admin/download/mileage/" + month + ".xlsx", AUDITOR);
        assertEquals(200, xlsx.statusCode());
        assertTrue(xlsx.headers().firstValue("Content-Type").orElse("").contains("spreadsheetml"));
        assertEquals('P', xlsx.body()[0]);
        assertEquals('K', xlsx.body()[1]);
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'download.mileage-payout-csv'"
                + " AND actor = 'seo.junseo' AND target = ? AND detail LIKE '% won'", "mileage-" + month));
        assertTrue(Database.count("SELECT count(*) FROM audit_event WHERE action = 'download.mileage-payout-xlsx'"
                + " AND actor = 'audit.kim' AND target = ?", "mileage-" + month) >= 1);

        // nobody else takes the file away, and a refusal is not a download
        assertEquals(403, download("/admin/download/mileage/" + month + ".csv", Api.OPERATOR).statusCode());
        assertEquals(403, download("/admin/download/mileage/" + month + ".csv", Api.SYSADMIN).statusCode());
        assertEquals(404, download("/admin/download/mileage/2026-13.csv", FINANCE).statusCode());
        // another month holds none of these rows
        JsonObject earlier = Api.get("/admin/mileage/payouts/2001-01", "Authorization", FINANCE).json();
        assertEquals(0, earlier.getJsonArray("entries").size());
    }

    @Test
    void auditorsSeeTheMonthPerPollAndEachPollsRowsAndOthersAreRefused() throws Exception {
        JsonObject poll = payingPoll("감사 보기 " + suffix(), 200);
        String token = Citizens.signIn(Citizens.newPhone());
        assertEquals(201, cast(poll, "Bearer " + token, UUID.randomUUID().toString()).status());
        String month = YearMonth.now(CITY).toString();

        for (String reader : List.of(AUDITOR, FINANCE, Api.SYSADMIN)) {
            Api.Reply overview = Api.get("/admin/mileage?month=" + month, "Authorization", reader);
            assertEquals(200, overview.status(), overview.body());
            JsonObject row = overview.json().getJsonArray("polls").stream().map(JsonValue::asJsonObject)
                    .filter(p -> p.getString("pollId").equals(poll.getString("id"))).findFirst().orElseThrow();
            assertEquals(1, row.getJsonNumber("awards").longValue());
            assertEquals(200, row.getJsonNumber("netWon").longValue());
            assertEquals(200, row.getInt("mileageWon"));
            assertTrue(overview.json().getJsonNumber("netWon").longValue() >= 200);
        }
        JsonArray entries = Api.get("/admin/mileage/polls/" + poll.getString("id"), "Authorization", AUDITOR).jsonArray();
        assertEquals(1, entries.size());
        assertEquals(mine(token).getString("payeeCode"), entries.getJsonObject(0).getString("payeeCode"));
        assertEquals("AWARD", entries.getJsonObject(0).getString("kind"));

        // the portal page: the month per poll, and the payout files for the finance office
        HttpResponse<byte[]> page = download("/admin/mileage.xhtml?month=" + month, FINANCE);
        assertEquals(200, page.statusCode());
        String html = new String(page.body(), StandardCharsets.UTF_8);
        assertTrue(html.contains(poll.getString("title")), "the poll is listed");
        assertTrue(html.contains("/admin/download/mileage/" + month + ".csv"), "the payout file is offered");

        Api.get("/admin/mileage", "Authorization", Api.OPERATOR).assertProblem(403, "role-required");
        Api.get("/admin/mileage/polls/" + poll.getString("id"), "Authorization", Api.HEAD).assertProblem(403, "role-required");
        Api.get("/admin/mileage/payouts/" + month, "Authorization", Api.SYSADMIN).assertProblem(403, "role-required");
        assertEquals(401, Api.get("/admin/mileage", "Authorization", "Bearer " + token).status());
        Api.get("/admin/mileage?month=2026-13", "Authorization", AUDITOR).assertProblem(400, "mileage-month-invalid");
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'staff.refused' AND actor = 'it.operator'"
                + " AND target LIKE 'GET %/admin/mileage' AND detail = 'role-required'"));
    }

    @Test
    void theServersRoleCannotEditOrDeleteTheLedger() throws SQLException {
        JsonObject poll = payingPoll("원장 보호 " + suffix(), 100);
        assertEquals(201, cast(poll, "Bearer " + Citizens.signIn(Citizens.newPhone()), UUID.randomUUID().toString()).status());
        String app = System.getProperty("mvoting.test.db.app.user");
        String password = System.getProperty("mvoting.test.db.app.password");
        try (Connection c = java.sql.DriverManager.getConnection(System.getProperty("mvoting.test.db.url"), app, password)) {
            for (String sql : List.of("UPDATE mileage_entry SET amount_won = 10000", "DELETE FROM mileage_entry",
                    "TRUNCATE mileage_entry")) {
                SQLException e = assertThrows(SQLException.class, () -> execute(c, sql), sql);
                assertEquals("42501", e.getSQLState(), sql + ": " + e.getMessage());
            }
        }
        Database.execute("GRANT UPDATE, DELETE ON mileage_entry TO " + app);
        try (Connection c = java.sql.DriverManager.getConnection(System.getProperty("mvoting.test.db.url"), app, password)) {
            SQLException e = assertThrows(SQLException.class, () -> execute(c, "UPDATE mileage_entry SET amount_won = 10000"));
            assertEquals("42501", e.getSQLState());
            assertTrue(e.getMessage().contains("written once"), e.getMessage());
        } finally {
            Database.execute("REVOKE UPDATE, DELETE ON mileage_entry FROM " + app);
        }
        assertEquals(1, Database.count("SELECT count(*) FROM mileage_entry WHERE poll_id = ? AND amount_won = 100",
                uuid(poll.getString("id"))));
    }

    // ---- helpers ----

    private static JsonObject payingPoll(String title, int won) {
        return Polls.open(Polls.draft(title, "OPEN", "LIVE", Polls.question("YES_NO", "찬성하십니까?"))
                .add("mileageWon", won));
    }

    private static String ballotOf(JsonObject poll) {
        return Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(0)).toString();
    }

    private static Api.Reply cast(JsonObject poll, String bearer, String idempotencyKey) {
        return Api.send("POST", "/polls/" + poll.getString("id") + "/ballots", ballotOf(poll),
                "Authorization", bearer, "Idempotency-Key", idempotencyKey);
    }

    private static Api.Reply removal(JsonObject poll, String authorization) {
        return Api.post("/admin/polls/" + poll.getString("id") + "/remove",
                Json.createObjectBuilder().add("reason", "잘못 올린 투표").build(), "Authorization", authorization);
    }

    private static JsonObject mine(String token) {
        Api.Reply reply = Api.get("/me/mileage", "Authorization", "Bearer " + token);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    private static JsonObject lineOf(JsonObject statement, String pollId, String kind) {
        return statement.getJsonArray("history").stream().map(JsonValue::asJsonObject)
                .filter(l -> l.getString("pollId").equals(pollId) && l.getString("kind").equals(kind))
                .findFirst().orElseThrow(() -> new AssertionError(kind + " of " + pollId + " in " + statement));
    }

    /** The citizen a token speaks for ("sub"), read from its payload (the server checks the signature). */
    private static UUID citizenId(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return UUID.fromString(Json.createReader(new StringReader(payload)).readObject().getString("sub"));
    }

    private static UUID uuid(String id) {
        return UUID.fromString(id);
    }

    private static HttpResponse<byte[]> download(String path, String authorization) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.SITE + path))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static String suffix() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    }
}
