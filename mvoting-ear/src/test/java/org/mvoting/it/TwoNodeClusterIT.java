package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.mvoting.devserver.ClusterDatabase;
import org.mvoting.devserver.ClusterServer;

/**
 * mVoting on two WildFly nodes (standalone-full-ha: JGroups over TCP, distributable portal sessions, one broker per
 * node) behind HAProxy, on one PostgreSQL: started and stopped here, only with {@code -Pcluster}. The helpers of the
 * other tests ({@link Api}, {@link Polls}, {@link Citizens}) talk to the balancer; requests meant for one node name
 * it. The tests run in order: the portal test kills a node and brings it back, (f) kills the test's own PostgreSQL
 * ({@link ClusterDatabase}, never the suite's database) and starts it again, the last one kills a node under load.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static ClusterDatabase database;
    /** The city's monitoring token on both nodes (part 4 across nodes). */
    private static final String METRICS_TOKEN = "cluster-monitoring-" + UUID.randomUUID();

    private static ClusterServer cluster;
    private static ClusterServer.Node nodeA;
    private static ClusterServer.Node nodeB;

    @BeforeAll
    static void startCluster() throws Exception {
        String balancer = System.getProperty("mvoting.cluster.balancer.port");
        assertNotNull(balancer, "run with -Pcluster (mvoting.cluster.balancer.port)");
        // Every helper of the suite sends to Api.BASE: in this profile it is the balancer.
        assertEquals("http://127.0.0.1:" + balancer + "/api/v1", Api.BASE);
        ClusterServer.requireBalancerForTests();
        // The test's own PostgreSQL, which (f) kills: never the suite's database or the machine's.
        String dbUrl = System.getProperty("mvoting.test.db.url");
        int dbPort = Integer.parseInt(System.getProperty("mvoting.cluster.db.port"));
        assertEquals("jdbc:postgresql://127.0.0.1:" + dbPort + "/mvoting_cluster", dbUrl, "the cluster test's own database");
        database = ClusterDatabase.start(dbPort, "mvoting_cluster", System.getProperty("mvoting.test.db.user"),
                System.getProperty("mvoting.test.db.password"), Path.of(System.getProperty("mvoting.cluster.db.dir")));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MVOTING_DB_URL", dbUrl);
        env.put("MVOTING_DB_USER", System.getProperty("mvoting.test.db.app.user"));
        env.put("MVOTING_DB_PASSWORD", System.getProperty("mvoting.test.db.app.password"));
        env.put("MVOTING_DB_OWNER_USER", System.getProperty("mvoting.test.db.user"));
        env.put("MVOTING_DB_OWNER_PASSWORD", System.getProperty("mvoting.test.db.password"));
        // two pools besides the test's own
        env.put("MVOTING_DB_POOL_MAX", "25");
        env.put("MVOTING_METRICS_TOKEN", METRICS_TOKEN);
        cluster = new ClusterServer(Path.of(System.getProperty("jboss.home")), Path.of(System.getProperty("mvoting.test.ear")),
                Path.of(System.getProperty("mvoting.cluster.work")), Integer.parseInt(balancer), env, 100, 200);
        nodeA = cluster.node(0);
        nodeB = cluster.node(1);
        try {
            cluster.start();
        } catch (Exception | AssertionError e) {
            cluster.close();
            database.close();
            throw e;
        }
    }

    @AfterAll
    static void stopCluster() throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (database != null) {
                database.close();
            }
        }
    }

    // ---- (a) ----

    @Test
    @Order(1)
    void aCastThroughNodeAAndItsRetryThroughNodeBReturnTheSameReceipt() {
        JsonObject poll = openYesNoPoll("두 노드 재시도");
        String pollId = poll.getString("id");
        String token = signIn(nodeA.url(), Citizens.newPhone());
        JsonObject ballot = Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(0));
        String key = UUID.randomUUID().toString();

        Api.Reply first = Api.send(cast(nodeA.url(), pollId, ballot, token, key));
        assertEquals(201, first.status(), first.body());
        Api.Reply retry = Api.send(cast(nodeB.url(), pollId, ballot, token, key));
        assertEquals(200, retry.status(), retry.body());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.json().getString("receipt"), retry.json().getString("receipt"));
        // the same key with another choice is refused on the other node too: the key is the database's, not a node's
        Api.send(cast(nodeB.url(), pollId, Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(1)), token, key))
                .assertProblem(409, "idempotency-key-reused");
        assertEquals(1, Database.recordedBallots(pollId));
        // and the receipt checks out on either node
        String receipt = first.json().getString("receipt");
        Database.awaitMixed(pollId);
        for (ClusterServer.Node node : cluster.nodes()) {
            Api.Reply check = Api.send(HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/polls/" + pollId + "/receipts/" + receipt)).build());
            assertEquals(200, check.status(), check.body());
            assertEquals("COUNTED", check.json().getString("status"));
        }
    }

    // ---- (b) ----

    @Test
    @Order(2)
    void fiveHundredConcurrentDoubleVotesSpreadOverBothNodesGiveExactlyOneBallot() throws Exception {
        JsonObject poll = openYesNoPoll("두 노드 동시 이중 투표");
        String pollId = poll.getString("id");
        String token = signIn(nodeB.url(), Citizens.newPhone());
        List<Long> options = Polls.optionIds(poll, 0);

        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            // every third through the balancer, the rest straight to A or B: both nodes race for the one ballot
            String base = i % 3 == 0 ? cluster.balancerUrl() : i % 3 == 1 ? nodeA.url() : nodeB.url();
            requests.add(cast(base, pollId, Polls.ballot(Polls.questionId(poll, 0), options.get(i % 2)), token,
                    UUID.randomUUID().toString()));
        }
        List<Api.Reply> replies = concurrently(requests, 250);

        assertEquals(1, replies.stream().filter(r -> r.status() == 201).count(), () -> statuses(replies).toString());
        replies.stream().filter(r -> r.status() != 201).forEach(r -> r.assertProblem(409, "already-voted"));
        assertEquals(1, Database.recordedBallots(pollId));
        assertEquals(1, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId));
    }

    // ---- the client's address: from X-Forwarded-For only when the balancer sent it ----

    @Test
    @Order(3)
    void theNodesTakeTheClientAddressFromTheBalancerOnlyAndTheBalancerIgnoresAForgedOne() throws Exception {
        String id = "it.staff2";
        String forged = "203.0.113.7";
        // Through the balancer, with a forged header: the node sees the client (127.0.0.1), neither the forged
        // address (the balancer replaced the header) nor the balancer's own 127.0.0.2 (the node trusts the balancer).
        Api.send(HttpRequest.newBuilder(URI.create(cluster.balancerUrl() + "/api/v1/admin/me"))
                .header("Authorization", Api.basic(id, "wrong-through-balancer")).header("X-Forwarded-For", forged).build())
                .assertProblem(401, "staff-login-failed");
        assertEquals(1, loginFailures(id, "127.0.0.1"));
        assertEquals(0, loginFailures(id, forged));
        assertEquals(0, loginFailures(id, ClusterServer.BALANCER_SOURCE));
        // Straight to a node, with the same header: a client is not the balancer, its header is ignored.
        for (ClusterServer.Node node : cluster.nodes()) {
            Api.send(HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/admin/me"))
                    .header("Authorization", Api.basic(id, "wrong-direct")).header("X-Forwarded-For", forged).build())
                    .assertProblem(401, "staff-login-failed");
        }
        assertEquals(3, loginFailures(id, "127.0.0.1"));
        assertEquals(0, loginFailures(id, forged));
        // A client that asks for cleartext HTTP/2 (Upgrade: h2c) keeps talking HTTP/1.1 through the balancer: were the
        // upgrade let through, the balancer would tunnel the connection and the second request's forged header would
        // reach the node from the trusted address.
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> refused = h2c.send(HttpRequest.newBuilder(URI.create(cluster.balancerUrl() + "/api/v1/admin/me"))
                    .header("Authorization", Api.basic(id, "wrong-h2c-" + i)).header("X-Forwarded-For", forged).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(401, refused.statusCode(), refused.body());
            assertEquals(HttpClient.Version.HTTP_1_1, refused.version());
        }
        assertEquals(5, loginFailures(id, "127.0.0.1"));
        assertEquals(0, loginFailures(id, forged));
        assertEquals(0, loginFailures(id, ClusterServer.BALANCER_SOURCE));
    }

    private static long loginFailures(String id, String source) {
        return Database.count("SELECT count(*) FROM audit_event WHERE action = 'staff.login-failed' AND actor = ? AND source = ?",
                id, source);
    }

    // ---- (c) ----

    @Test
    @Order(4)
    void aPortalLoginSurvivesKillingTheNodeThatServedIt() throws Exception {
        Portal portal = new Portal(cluster.balancerUrl());
        portal.logIn("it.operator", Api.DEMO_PASSWORD);
        String home = portal.get("/admin/index.xhtml");
        assertEquals(200, portal.lastStatus, "logged in");
        assertTrue(home.contains("it.operator") || home.contains("logout"), "logged in: " + home.substring(0, Math.min(400, home.length())));
        String servedBy = portal.node();
        ClusterServer.Node served = servedBy.equals(nodeA.name()) ? nodeA : nodeB;
        ClusterServer.Node other = served == nodeA ? nodeB : nodeA;

        cluster.kill(served);
        try {
            String after = portal.get("/admin/index.xhtml");
            assertEquals(200, portal.lastStatus, "the portal still answers, without a new login");
            assertEquals(home.contains("it.operator"), after.contains("it.operator"));
            assertEquals(other.name(), portal.node(), "the balancer moved the session to the surviving node");
            // The surviving node holds the login itself: asked directly (the cookie without the balancer's prefix) it
            // knows the session too.
            Portal direct = portal.on(other.url());
            direct.get("/admin/index.xhtml");
            assertEquals(200, direct.lastStatus);
        } finally {
            cluster.start(served);
            cluster.awaitBalancerSees(2);
        }
    }

    // ---- one node or two: what this machine gives (printed for docs/scale-out.md; every ballot must count) ----

    /**
     * (d) The hall's big screen watches node B while a participant votes through node A: B's live stream shows the
     * ballot within a second. Each node reads the shared database for its screens (EventLiveFeed), no node-to-node
     * messaging needed.
     */
    @Test
    @Order(5)
    void thePresenterOnNodeBShowsABallotCastOnNodeAWithinASecond() throws Exception {
        Directory.ensureSynced();
        String operator = Api.basic("event.lee");
        Api.Reply created = Api.post("/admin/events", Json.createObjectBuilder().add("title", "두 노드 현장 투표")
                .add("startsAt", Instant.now().plus(Duration.ofHours(1)).toString()).add("venue", "시청 대회의실")
                .add("rehearsal", false).build(), "Authorization", operator);
        assertEquals(201, created.status(), created.body());
        String eventId = created.json().getString("id");
        String code = created.json().getString("joinCode");
        String card = Api.post("/admin/events/" + eventId + "/tokens?count=1", null, "Authorization", operator).json()
                .getJsonArray("codes").getString(0);
        Api.Reply added = Api.post("/admin/events/" + eventId + "/questions", Json.createObjectBuilder().add("round", 1)
                .add("question", Json.createObjectBuilder().add("type", "SINGLE_CHOICE").add("text", "어느 안이 좋습니까?")
                        .add("options", Json.createArrayBuilder().add("가안").add("나안")).add("maxSelections", 1))
                .build(), "Authorization", operator);
        assertEquals(200, added.status(), added.body());
        String pollId = added.json().getString("pollId");
        long option = added.json().getJsonArray("counts").getJsonObject(0).getJsonNumber("optionId").longValue();
        Api.Reply opened = Api.post("/admin/events/" + eventId + "/questions/" + pollId + "/open",
                Json.createObjectBuilder().add("countdownSeconds", 0).build(), "Authorization", operator);
        assertEquals(200, opened.status(), opened.body());
        Api.Reply joined = send(json(nodeA.url() + "/api/v1/events/" + code + "/join-with-token",
                Json.createObjectBuilder().add("token", card).build()));
        assertEquals(200, joined.status(), joined.body());
        String pass = joined.json().getString("token");

        java.util.concurrent.BlockingQueue<JsonObject> states = new java.util.concurrent.LinkedBlockingQueue<>();
        HttpClient screenClient = HttpClient.newHttpClient();
        var screen = screenClient.sendAsync(HttpRequest.newBuilder(URI.create(nodeB.url() + "/api/v1/events/" + code + "/live"))
                .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofLines());
        try {
            screen.thenAccept(r -> r.body().filter(line -> line.startsWith("data:")).forEach(line -> states.add(
                    Json.createReader(new java.io.StringReader(line.substring(5).strip())).readObject())));
            JsonObject before = nextState(states, s -> !s.isNull("question"), Duration.ofSeconds(10));
            assertEquals(0, before.getJsonObject("question").getJsonNumber("ballots").longValue(), before.toString());

            HttpRequest vote = HttpRequest.newBuilder(URI.create(nodeA.url() + "/api/v1/events/" + code + "/questions/"
                            + pollId + "/ballots")).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + pass)
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString("{\"optionIds\":[" + option + "]}")).build();
            Api.Reply cast = send(vote);
            long acknowledged = System.nanoTime();
            assertEquals(201, cast.status(), cast.body());
            JsonObject after = nextState(states, s -> !s.isNull("question")
                    && s.getJsonObject("question").getJsonNumber("ballots").longValue() == 1, Duration.ofSeconds(5));
            long millis = (System.nanoTime() - acknowledged) / 1_000_000;
            System.out.printf("(d) node B's screen showed node A's ballot %d ms after its receipt%n", millis);
            assertTrue(millis <= 1000, "node B's screen took " + millis + " ms: " + after);
        } finally {
            screen.cancel(true);
        }
    }

    private static JsonObject nextState(java.util.concurrent.BlockingQueue<JsonObject> states,
                                        java.util.function.Predicate<JsonObject> wanted, Duration within)
            throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < until) {
            JsonObject state = states.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
            if (state != null && wanted.test(state)) {
                return state;
            }
        }
        throw new AssertionError("no such state on node B's live stream within " + within);
    }

    @Test
    @Order(8)
    void theSameVotersCastThroughOneNodeOrThroughTheBalancerAndEveryBallotCounts() throws Exception {
        int voters = 400;
        for (String target : List.of(nodeA.url(), cluster.balancerUrl(), nodeA.url(), cluster.balancerUrl())) {
            JsonObject poll = openYesNoPoll("처리량 " + target);
            String pollId = poll.getString("id");
            List<String> phones = new ArrayList<>();
            for (int i = 0; i < voters; i++) {
                phones.add(Citizens.newPhone());
            }
            Map<String, String> tokens = Citizens.signIn(phones);
            List<HttpRequest> requests = new ArrayList<>();
            for (int i = 0; i < voters; i++) {
                requests.add(cast(target, pollId, Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(i % 2)),
                        tokens.get(phones.get(i)), UUID.randomUUID().toString()));
            }
            long start = System.nanoTime();
            List<Api.Reply> replies = concurrently(requests, 32);
            double seconds = (System.nanoTime() - start) / 1e9;
            // once, one cast of 400 straight to node A answered 400: keep what any such answer said
            List<String> unexpected = new ArrayList<>();
            for (int i = 0; i < voters; i++) {
                Api.Reply r = replies.get(i);
                if (r.status() != 201) {
                    unexpected.add("cast " + i + " (" + phones.get(i) + "): " + r.status() + " " + r.headers().map() + " " + r.body());
                }
            }
            unexpected.forEach(u -> System.out.println("throughput: unexpected answer through " + target + ": " + u));
            assertEquals(Map.of(201, voters), statuses(replies), () -> "through " + target + ": " + unexpected);
            assertEquals(voters, Database.recordedBallots(pollId));
            System.out.printf("throughput: %d casts through %s (%s) in %.2f s = %.0f casts/s (32 clients)%n", voters, target,
                    target.equals(cluster.balancerUrl()) ? "balancer, 2 nodes" : "node-a alone", seconds, voters / seconds);
        }
    }

    // ---- (f) ----

    /**
     * PostgreSQL dies under load ({@code kill -9} of the postmaster and its backends, the test's own database server)
     * and is started again on the same data directory and port: while it is down every cast through the balancer is
     * answered 503 with Retry-After (an RFC 9457 problem, never a 500 or an HTML page) and readiness is 503 on both
     * nodes; once it accepts connections again casts succeed within 10 s; every acknowledged receipt is counted
     * exactly once, the clients having retried with their Idempotency-Key.
     */
    @Test
    @Order(10)
    void killingPostgreSqlUnderLoadAnswers503WithRetryAfterAndEveryAcknowledgedBallotCountsOnce() throws Exception {
        for (ClusterServer.Node node : cluster.nodes()) {
            if (!node.isRunning()) {
                cluster.start(node);
                cluster.awaitBalancerSees(2);
            }
        }
        JsonObject poll = Polls.open(Polls.draft("데이터베이스 장애 중 투표", "OPEN", "LIVE",
                Polls.question("SINGLE_CHOICE", "어느 쪽입니까?", "가", "나", "다")));
        String pollId = poll.getString("id");
        long question = Polls.questionId(poll, 0);
        List<Long> options = Polls.optionIds(poll, 0);
        int voters = 400;
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            phones.add(Citizens.newPhone());
        }
        Map<String, String> tokens = Citizens.signIn(phones);

        Map<String, String> receipts = new ConcurrentHashMap<>();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger refusedWith503 = new AtomicInteger();
        List<String> unexpected = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.atomic.AtomicLong databaseBackAt = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicLong firstCastAfterReturn = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<?>> voting = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            String phone = phones.get(i);
            JsonObject ballot = Polls.ballot(question, options.get(i % 3));
            voting.add(pool.submit(() -> {
                go.await();
                // a phone app: one key per ballot, sent again until an answer settles it. It waits a quarter of a
                // second, not the Retry-After, before trying again: the test measures the service, not the client.
                String key = UUID.randomUUID().toString();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
                while (true) {
                    attempts.incrementAndGet();
                    Api.Reply reply;
                    try {
                        reply = send(cast(cluster.balancerUrl(), pollId, ballot, tokens.get(phone), key));
                    } catch (IOException e) {
                        reply = null;
                        unexpected.add(phone + ": no answer (" + e + ")");
                    }
                    if (reply != null && (reply.status() == 201 || reply.status() == 200)) {
                        receipts.put(phone, reply.json().getString("receipt"));
                        long now = System.nanoTime();
                        if (databaseBackAt.get() != 0) {
                            firstCastAfterReturn.accumulateAndGet(now, Math::min);
                        }
                        return null;
                    }
                    if (reply != null) {
                        if (isServiceUnavailableProblem(reply)) {
                            refusedWith503.incrementAndGet();
                        } else {
                            unexpected.add(phone + ": " + reply.status() + " " + reply.headers().map() + " " + reply.body());
                        }
                    }
                    assertTrue(Instant.now().isBefore(deadline), "no answer for " + phone + " in 120 s");
                    Thread.sleep(250);
                }
            }));
        }
        go.countDown();
        Instant patience = Instant.now().plus(Duration.ofSeconds(60));
        while (receipts.size() < voters / 6) {
            assertTrue(Instant.now().isBefore(patience), "the first ballots were not acknowledged within 60 s");
            Thread.sleep(5);
        }
        int acknowledgedBeforeKill = receipts.size();
        int refusedBefore = refusedWith503.get();
        long pid = database.postmasterPid();
        long killing = System.nanoTime();
        database.kill();
        long killedAt = System.nanoTime();
        int acknowledgedByKill = receipts.size();
        // readiness says so on both nodes, and the balancer stops sending to them as ready nodes
        for (ClusterServer.Node node : cluster.nodes()) {
            Api.Reply ready = awaitHealth(node.url(), 503, Duration.ofSeconds(5));
            assertEquals(503, ready.status(), node.name() + " ready while its database is dead: " + ready.body());
            assertTrue(ready.body().contains("\"database\""), ready.body());
        }
        // down long enough for the balancer to mark both nodes down (two failed checks a second apart)
        while (System.nanoTime() - killedAt < 5_000_000_000L) {
            Thread.sleep(50);
        }
        Duration restart = database.restart();
        long backAt = System.nanoTime();
        databaseBackAt.set(backAt);
        double outageSeconds = (backAt - killedAt) / 1e9;
        int acknowledgedDuringOutage = receipts.size() - acknowledgedByKill;
        for (Future<?> f : voting) {
            f.get(180, java.util.concurrent.TimeUnit.SECONDS);
        }
        pool.shutdown();
        for (ClusterServer.Node node : cluster.nodes()) {
            Api.Reply ready = awaitHealth(node.url(), 200, Duration.ofSeconds(10));
            assertEquals(200, ready.status(), node.name() + " ready again within 10 s: " + ready.body());
        }
        double recoverySeconds = (firstCastAfterReturn.get() - backAt) / 1e9;
        System.out.printf("(f) %d voters, %d acknowledged before PostgreSQL (pid %d) was killed (the kill took %d ms, %d"
                        + " acknowledged meanwhile), %d while it was down; down %.1f s (restart took %.1f s), %d casts"
                        + " answered 503 with Retry-After (%d before the kill), first cast acknowledged %.2f s after it"
                        + " accepted connections; %d attempts%n",
                voters, acknowledgedBeforeKill, pid, (killedAt - killing) / 1_000_000, acknowledgedByKill - acknowledgedBeforeKill,
                acknowledgedDuringOutage, outageSeconds, restart.toMillis() / 1e3, refusedWith503.get(), refusedBefore,
                recoverySeconds, attempts.get());

        assertEquals(List.of(), unexpected.subList(0, Math.min(5, unexpected.size())),
                () -> unexpected.size() + " answers neither a success nor a 503 problem with Retry-After");
        assertTrue(acknowledgedBeforeKill < voters / 2, () -> "the database died under load, not after it: "
                + acknowledgedBeforeKill + " of " + voters + " acknowledged before");
        assertTrue(refusedWith503.get() > 0, "casts during the outage were answered 503");
        assertTrue(firstCastAfterReturn.get() != Long.MAX_VALUE, "casts succeeded after the database came back");
        assertTrue(recoverySeconds <= 10, "casts succeeded again " + recoverySeconds + " s after the database was back");
        assertEquals(voters, receipts.size(), "every voter was acknowledged in the end");
        assertEquals(voters, new HashSet<>(receipts.values()).size(), "one receipt per voter");
        assertEquals(voters, Database.recordedBallots(pollId), "neither lost nor doubled");
        assertEquals(voters, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId));
        Database.awaitMixed(pollId);
        for (String receipt : receipts.values()) {
            Api.Reply check = Api.get("/polls/" + pollId + "/receipts/" + receipt);
            assertEquals(200, check.status(), check.body());
            assertEquals("COUNTED", check.json().getString("status"));
        }
        JsonObject results = Api.get("/polls/" + pollId + "/results").json();
        assertEquals(voters, results.getJsonNumber("ballots").longValue());
    }

    /** A 503 RFC 9457 problem {@code service-unavailable} with a positive Retry-After, nothing internal in it. */
    private static boolean isServiceUnavailableProblem(Api.Reply reply) {
        if (reply.status() != 503 || reply.header("Retry-After") == null
                || !String.valueOf(reply.header("Content-Type")).startsWith("application/problem+json")) {
            return false;
        }
        try {
            reply.assertProblem(503, "service-unavailable");
            return Integer.parseInt(reply.header("Retry-After")) > 0;
        } catch (AssertionError | RuntimeException notOne) {
            return false;
        }
    }

    private static Api.Reply awaitHealth(String nodeUrl, int status, Duration within) throws InterruptedException {
        long until = System.nanoTime() + within.toNanos();
        Api.Reply reply;
        do {
            reply = Api.send(HttpRequest.newBuilder(URI.create(nodeUrl + "/health/ready")).timeout(Duration.ofSeconds(5)).build());
            if (reply.status() == status) {
                return reply;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < until);
        return reply;
    }

    // ---- (e) ----

    @Test
    @Order(11)
    void killingANodeUnderLoadLosesNoAcknowledgedBallotAndRetriesThroughTheBalancerCountOnce() throws Exception {
        for (ClusterServer.Node node : cluster.nodes()) {
            if (!node.isRunning()) {
                cluster.start(node);
                cluster.awaitBalancerSees(2);
            }
        }
        JsonObject poll = Polls.open(Polls.draft("노드 장애 중 투표", "OPEN", "LIVE",
                Polls.question("SINGLE_CHOICE", "어느 쪽입니까?", "가", "나", "다")));
        String pollId = poll.getString("id");
        long question = Polls.questionId(poll, 0);
        List<Long> options = Polls.optionIds(poll, 0);
        int voters = 600;
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            phones.add(Citizens.newPhone());
        }
        Map<String, String> tokens = Citizens.signIn(phones);

        Map<String, String> receipts = new ConcurrentHashMap<>();
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger failuresSeen = new AtomicInteger();
        // no ballot leaves before the watcher below is ready to kill the node, however long submitting takes
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Future<?>> voting = new ArrayList<>();
        for (int i = 0; i < voters; i++) {
            String phone = phones.get(i);
            JsonObject ballot = Polls.ballot(question, options.get(i % 3));
            voting.add(pool.submit(() -> {
                go.await();
                // a phone app: one key per ballot, sent again until it gets an answer that settles it
                String key = UUID.randomUUID().toString();
                Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
                while (true) {
                    attempts.incrementAndGet();
                    Api.Reply reply;
                    try {
                        reply = send(cast(cluster.balancerUrl(), pollId, ballot, tokens.get(phone), key));
                    } catch (IOException e) {
                        reply = null;
                    }
                    if (reply != null && (reply.status() == 201 || reply.status() == 200)) {
                        receipts.put(phone, reply.json().getString("receipt"));
                        return null;
                    }
                    assertTrue(reply == null || reply.status() >= 500,
                            () -> "only a lost node may fail a ballot: " + phone);
                    failuresSeen.incrementAndGet();
                    assertTrue(Instant.now().isBefore(deadline), "no answer for " + phone + " in 90 s");
                    Thread.sleep(200);
                }
            }));
        }
        // kill -9 one node while the ballots flow
        go.countDown();
        Instant patience = Instant.now().plus(Duration.ofSeconds(60));
        while (receipts.size() < voters / 6) {
            assertTrue(Instant.now().isBefore(patience), "the first ballots were not acknowledged within 60 s");
            Thread.sleep(5);
        }
        int acknowledgedBeforeKill = receipts.size();
        cluster.kill(nodeB);
        for (Future<?> f : voting) {
            f.get();
        }
        pool.shutdown();

        assertTrue(acknowledgedBeforeKill < voters / 2, () -> "the node died under load, not after it: "
                + acknowledgedBeforeKill + " of " + voters + " acknowledged before");
        assertEquals(voters, receipts.size(), "every voter was acknowledged in the end");
        assertEquals(voters, new HashSet<>(receipts.values()).size(), "one receipt per voter");
        assertEquals(voters, Database.recordedBallots(pollId), "neither lost nor doubled");
        assertEquals(voters, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId));
        Database.awaitMixed(pollId);
        for (String receipt : receipts.values()) {
            Api.Reply check = Api.get("/polls/" + pollId + "/receipts/" + receipt);
            assertEquals(200, check.status(), check.body());
            assertEquals("COUNTED", check.json().getString("status"));
        }
        JsonObject results = Api.get("/polls/" + pollId + "/results").json();
        assertEquals(voters, results.getJsonNumber("ballots").longValue());
        System.out.printf("(e) %d voters, %d acknowledged before %s died, %d attempts, %d failed attempts retried%n", voters,
                acknowledgedBeforeKill, nodeB.name(), attempts.get(), failuresSeen.get());
    }

    /**
     * Part 2: each once-per-cluster job runs on one node. The fast jobs' leases each name one of the two nodes and are
     * renewed by it; handed to node B, they are renewed by B and left alone by A; B killed, A takes every one over once
     * they run out and mixes the ballots cast meanwhile. Ends with node B stopped (the next test starts it).
     */
    @Test
    @Order(9)
    void everyOncePerClusterJobRunsOnOneNodeAndTheSurvivorTakesOverTheJobsOfAKilledNode() throws Exception {
        for (ClusterServer.Node node : cluster.nodes()) {
            if (!node.isRunning()) {
                cluster.start(node);
                cluster.awaitBalancerSees(2);
            }
        }
        List<String> jobs = List.of("MIXING", "EVENT_CLOCK", "POLL_CLOSING");
        Set<String> nodes = Set.of(nodeA.name(), nodeB.name());
        Map<String, Instant> expiries = new HashMap<>();
        for (String job : jobs) {
            List<Object> lease = awaitLease(job, nodes::contains, Duration.ofSeconds(40));
            expiries.put(job, ((java.sql.Timestamp) lease.get(1)).toInstant());
        }
        Thread.sleep(3_500);
        List<Object> mixing = lease("MIXING");
        assertTrue(((java.sql.Timestamp) mixing.get(1)).toInstant().isAfter(expiries.get("MIXING")),
                "the mixer's holder renews its lease as it runs");

        // Hand the three jobs to node B: B renews them in its own name; A, once it stops trusting what it held
        // (a third of each lease: at most 10 s), finds them taken.
        // (each for as long as its own lease lasts: poll closing runs every 10 s, so B renews it within 30 s)
        Database.execute("UPDATE cluster_lease SET holder = ?, expires_at = now() + CASE job WHEN 'POLL_CLOSING'"
                + " THEN interval '30 seconds' ELSE interval '6 seconds' END"
                + " WHERE job IN ('MIXING', 'EVENT_CLOCK', 'POLL_CLOSING')", nodeB.name());
        Thread.sleep(11_000);
        for (String job : jobs) {
            List<Object> lease = lease(job);
            assertEquals(nodeB.name(), lease.get(0), job + ": node B renews what it holds, node A does not take it");
            assertTrue(((java.sql.Timestamp) lease.get(1)).toInstant().isAfter(Instant.now().minusSeconds(1)),
                    job + " is still running on B");
        }

        // the poll is opened while both nodes live: a POST the balancer sends to a node that just died is not re-sent
        JsonObject poll = openYesNoPoll("임차 인계");
        String pollId = poll.getString("id");
        cluster.kill(nodeB);
        Instant killed = Instant.now();
        for (int i = 0; i < 5; i++) {
            String token = signIn(nodeA.url(), Citizens.newPhone());
            Api.Reply cast = Api.send(cast(nodeA.url(), pollId, Polls.ballot(Polls.questionId(poll, 0),
                    Polls.optionIds(poll, 0).get(i % 2)), token, UUID.randomUUID().toString()));
            assertEquals(201, cast.status(), cast.body());
        }
        Database.awaitMixed(pollId);
        Duration toMixed = Duration.between(killed, Instant.now());
        assertTrue(toMixed.compareTo(Duration.ofSeconds(15)) < 0, "mixed on node A " + toMixed + " after B died");
        awaitLease("MIXING", nodeA.name()::equals, Duration.ofSeconds(10));
        awaitLease("EVENT_CLOCK", nodeA.name()::equals, Duration.ofSeconds(10));
        awaitLease("POLL_CLOSING", nodeA.name()::equals, Duration.ofSeconds(45));
        System.out.printf("leases: node B killed; its ballots mixed on node A %d ms later, every job on A within %d ms%n",
                toMixed.toMillis(), Duration.between(killed, Instant.now()).toMillis());
    }

    /** A job's lease row: holder, expires_at. */
    private static List<Object> lease(String job) {
        List<List<Object>> rows = Database.rows("SELECT holder, expires_at FROM cluster_lease WHERE job = ?", job);
        assertEquals(1, rows.size(), job + " has one lease row");
        return rows.get(0);
    }

    private static List<Object> awaitLease(String job, java.util.function.Predicate<Object> holder, Duration patience)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(patience);
        while (true) {
            List<List<Object>> rows = Database.rows("SELECT holder, expires_at, expires_at > now() FROM cluster_lease"
                    + " WHERE job = ?", job);
            if (!rows.isEmpty() && holder.test(rows.get(0).get(0)) && Boolean.TRUE.equals(rows.get(0).get(2))) {
                return rows.get(0);
            }
            assertTrue(Instant.now().isBefore(deadline), job + "'s lease is " + rows + " after " + patience);
            Thread.sleep(200);
        }
    }

    /**
     * Part 2: state the nodes must agree on is in the database, so a change on one node holds on the other at once:
     * wrong passwords counted on both nodes lock the ID on both; a poll closed through node A refuses the next ballot
     * on node B (what node B keeps in memory about a poll never decides whether it is open).
     */
    @Test
    @Order(6)
    void aLockoutAndAClosedPollAreSeenOnBothNodesAtOnce() {
        String id = "econ.staff1";
        for (int i = 0; i < 10; i++) {
            ClusterServer.Node node = i % 2 == 0 ? nodeA : nodeB;
            Api.send(HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/admin/me"))
                    .header("Authorization", Api.basic(id, "wrong-" + i)).build())
                    .assertProblem(401, "staff-login-failed");
        }
        for (ClusterServer.Node node : cluster.nodes()) {
            Api.Reply locked = Api.send(HttpRequest.newBuilder(URI.create(node.url() + "/api/v1/admin/me"))
                    .header("Authorization", Api.basic(id, Api.DEMO_PASSWORD)).build());
            locked.assertProblem(429, "rate-limited-staff-login");
            assertNotNull(locked.header("Retry-After"), node.name());
        }

        JsonObject poll = openYesNoPoll("노드 간 마감");
        String pollId = poll.getString("id");
        JsonObject ballot = Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(0));
        // node B has read the poll's rules for a ballot before the close
        assertEquals(201, Api.send(cast(nodeB.url(), pollId, ballot, signIn(nodeB.url(), Citizens.newPhone()),
                UUID.randomUUID().toString())).status());
        String late = signIn(nodeB.url(), Citizens.newPhone());
        Api.Reply closed = Api.send(HttpRequest.newBuilder(URI.create(nodeA.url() + "/api/v1/admin/polls/" + pollId + "/close"))
                .header("Authorization", Api.OPERATOR)
                .POST(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(200, closed.status(), closed.body());
        Api.send(cast(nodeB.url(), pollId, ballot, late, UUID.randomUUID().toString())).assertProblem(409, "poll-not-open");
        assertEquals(1, Database.recordedBallots(pollId));
    }

    /**
     * Part 4 across nodes: each node counts the ballots it accepted (the monitoring adds the nodes up), and the figures
     * read from the database (inbox depth, outbox, SMS budget) are the cluster's, the same on both.
     */
    @Test
    @Order(7)
    void eachNodeCountsItsOwnBallotsAndBothReportTheClustersQueues() {
        Map<String, Double> beforeA = Operations.scrape(nodeA.url(), METRICS_TOKEN);
        Map<String, Double> beforeB = Operations.scrape(nodeB.url(), METRICS_TOKEN);
        JsonObject poll = openYesNoPoll("노드별 지표");
        String pollId = poll.getString("id");
        JsonObject ballot = Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(1));
        for (int i = 0; i < 5; i++) {
            ClusterServer.Node node = i < 3 ? nodeA : nodeB;
            assertEquals(201, Api.send(cast(node.url(), pollId, ballot, signIn(node.url(), Citizens.newPhone()),
                    UUID.randomUUID().toString())).status());
        }
        Map<String, Double> afterA = Operations.scrape(nodeA.url(), METRICS_TOKEN);
        Map<String, Double> afterB = Operations.scrape(nodeB.url(), METRICS_TOKEN);
        String accepted = "mvoting_ballots_accepted_total";
        assertEquals(3.0, Operations.value(afterA, accepted) - Operations.value(beforeA, accepted), "node A's own");
        assertEquals(2.0, Operations.value(afterB, accepted) - Operations.value(beforeB, accepted), "node B's own");
        Database.awaitMixed(pollId);
        for (String shared : List.of("mvoting_ballot_inbox_depth", "mvoting_sms_budget_used")) {
            assertEquals(Operations.value(Operations.scrape(nodeA.url(), METRICS_TOKEN), shared),
                    Operations.value(Operations.scrape(nodeB.url(), METRICS_TOKEN), shared), shared + " is the cluster's");
        }
    }

    // ---- helpers ----

    private static JsonObject openYesNoPoll(String title) {
        return Polls.open(Polls.draft(title, "OPEN", "LIVE", Polls.question("YES_NO", "찬성하십니까?")));
    }

    /** Signs a citizen in on one node (the code is read from the local SMS table, shared by both). */
    private static String signIn(String nodeUrl, String phone) {
        Api.Reply asked = Api.send(json(nodeUrl + "/api/v1/auth/codes", Json.createObjectBuilder().add("phone", phone).build()));
        assertEquals(202, asked.status(), asked.body());
        String code = Citizens.awaitCodes(List.of(phone), Duration.ofSeconds(60)).get(phone);
        Api.Reply token = Api.send(json(nodeUrl + "/api/v1/auth/tokens",
                Json.createObjectBuilder().add("phone", phone).add("code", code).build()));
        assertEquals(201, token.status(), token.body());
        return token.json().getString("token");
    }

    private static HttpRequest json(String url, JsonObject body) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build();
    }

    private static HttpRequest cast(String baseUrl, String pollId, JsonObject ballot, String token, String key) {
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/polls/" + pollId + "/ballots"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(ballot.toString(), StandardCharsets.UTF_8))
                .build();
    }

    /** Like Api.send, but a lost connection is the caller's to retry. */
    private static Api.Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = Api.client().send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Api.Reply(response.statusCode(), response.headers(), response.body());
    }

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
                replies.add(f.get());
            }
            return replies;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<Integer, Integer> statuses(List<Api.Reply> replies) {
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        replies.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    /** A browser's view of the staff portal: cookies kept, redirects seen (not followed). */
    private static final class Portal {
        private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
        private final String base;
        private final CookieManager cookies;
        private final HttpClient client;
        int lastStatus;

        Portal(String base) {
            this(base, new CookieManager());
        }

        private Portal(String base, CookieManager cookies) {
            this.base = base;
            this.cookies = cookies;
            this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5)).build();
        }

        /** The same session sent straight to one node: the balancer's "node~" prefix taken off the cookie. */
        Portal on(String nodeBase) {
            CookieManager direct = new CookieManager();
            HttpCookie session = session();
            HttpCookie plain = new HttpCookie("JSESSIONID", session.getValue().substring(session.getValue().indexOf('~') + 1));
            plain.setPath("/");
            plain.setVersion(0);
            direct.getCookieStore().add(URI.create(nodeBase), plain);
            return new Portal(nodeBase, direct);
        }

        HttpCookie session() {
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID")).findFirst()
                    .orElseThrow(() -> new AssertionError("no session cookie"));
        }

        /** The node the balancer pinned the session to (the prefix HAProxy put on the session cookie). */
        String node() {
            String value = session().getValue();
            assertTrue(value.contains("~"), "the balancer prefixes the session cookie: " + value);
            return value.substring(0, value.indexOf('~'));
        }

        void logIn(String id, String password) throws Exception {
            String page = get("/login.xhtml");
            assertEquals(200, lastStatus, page);
            Matcher state = VIEW_STATE.matcher(page);
            assertTrue(state.find(), "the login page has a view state");
            Map<String, String> form = new LinkedHashMap<>();
            form.put("login", "login");
            form.put("login:id", id);
            form.put("login:password", password);
            form.put("login:next", "");
            form.put("login:submit", "");
            form.put("jakarta.faces.ViewState", state.group(1));
            StringBuilder body = new StringBuilder();
            form.forEach((k, v) -> body.append(body.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                    .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(302, posted.statusCode(), () -> "login redirects: " + posted.body());
            String location = posted.headers().firstValue("Location").orElse("");
            assertTrue(location.contains("/admin/"), location);
            assertFalse(location.contains("login"), location);
        }

        String get(String path) throws IOException, InterruptedException {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            lastStatus = response.statusCode();
            return response.body();
        }
    }
}
