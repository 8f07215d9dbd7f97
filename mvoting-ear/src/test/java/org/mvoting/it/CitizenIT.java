package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a citizen meets outside the ballot engine itself: the panel profile with consent, their history, entry by
 * QR and short link, the phone-list upload, devices (device-level polls, binding, the per-address limit), the
 * assurance levels, and the guards on SMS sign-in codes against SMS pumping (per address, allowed countries, the daily
 * budget, the refusals counted for ADMIN).
 */
@ExtendWith(ArquillianExtension.class)
class CitizenIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @ArquillianResource
    private ManagementClient management;

    private static JsonObjectBuilder profile(boolean consent, String district, int birthYear) {
        return Json.createObjectBuilder().add("consent", consent).add("gender", "FEMALE").add("district", district)
                .add("birthYear", birthYear);
    }

    @Test
    void aProfileIsKeptOnlyWithConsentCanBeChangedAndIsDeletedOnWithdrawal() {
        long before = profiles(); // other tests' panel members stay in the database
        String token = Citizens.signIn(Citizens.newPhone());
        String bearer = "Bearer " + token;
        Api.get("/me/profile", "Authorization", bearer).assertProblem(404, "profile-not-found");
        Api.put("/me/profile", profile(false, "MAPO", 1985).build(), "Authorization", bearer)
                .assertProblem(422, "profile-consent-required");
        Api.put("/me/profile", profile(true, "MAPO", 2020).build(), "Authorization", bearer)
                .assertProblem(422, "profile-birth-year");
        Api.put("/me/profile", profile(true, "HAEUNDAE", 1985).build(), "Authorization", bearer).assertProblem(400,
                "malformed-json");
        Api.put("/me/profile", Json.createObjectBuilder().add("consent", true).build(), "Authorization", bearer)
                .assertProblem(400, "validation-failed");
        assertEquals(before, profiles(), "nothing stored by the refusals");

        JsonObject saved = Api.put("/me/profile", profile(true, "MAPO", 1985).build(), "Authorization", bearer).json();
        assertEquals("MAPO", saved.getString("district"));
        assertFalse(saved.getString("consentedAt").isBlank());
        JsonObject changed = Api.put("/me/profile", profile(true, "GANGNAM", 1985).build(), "Authorization", bearer).json();
        assertEquals("GANGNAM", Api.get("/me/profile", "Authorization", bearer).json().getString("district"));
        assertEquals("GANGNAM", changed.getString("district"));
        assertEquals(before + 1, profiles());

        assertEquals(204, Api.send("DELETE", "/me/profile", null, "Authorization", bearer).status());
        assertEquals(before, profiles(), "withdrawal deletes the profile");
        Api.get("/me/profile", "Authorization", bearer).assertProblem(404, "profile-not-found");
        Api.send("DELETE", "/me/profile", null, "Authorization", bearer).assertProblem(404, "profile-not-found");
        Api.get("/me/profile").assertProblem(401, "token-missing");
    }

    @Test
    void theHistoryListsMyPollsAndNeverMyChoices() {
        JsonObject poll = Polls.open(Polls.draft("참여 이력 시험", "OPEN", "LIVE", Polls.question("SINGLE_CHOICE", "어느 쪽?", "가", "나")));
        String mine = Citizens.signIn(Citizens.newPhone());
        String someoneElse = Citizens.signIn(Citizens.newPhone());
        assertEquals(201, Api.send("POST", "/polls/" + poll.getString("id") + "/ballots",
                Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(1)).toString(),
                "Authorization", "Bearer " + mine, "Idempotency-Key", UUID.randomUUID().toString()).status());

        JsonArray history = Api.get("/me/participations", "Authorization", "Bearer " + mine).jsonArray();
        assertEquals(1, history.size());
        JsonObject entry = history.getJsonObject(0);
        assertEquals(poll.getString("id"), entry.getString("pollId"));
        assertEquals("참여 이력 시험", entry.getString("title"));
        assertEquals("WEB", entry.getString("channel"));
        assertTrue(entry.keySet().stream().noneMatch(k -> k.toLowerCase().contains("option") || k.contains("receipt")),
                entry.toString());
        assertEquals(0, Api.get("/me/participations", "Authorization", "Bearer " + someoneElse).jsonArray().size());
    }

    @Test
    void signingOutRevokesTheTokenOnTheServer() {
        String phone = Citizens.newPhone();
        String bearer = "Bearer " + Citizens.signIn(phone);
        assertEquals(200, Api.get("/me/participations", "Authorization", bearer).status());
        assertEquals(204, Api.send("DELETE", "/auth/token", null, "Authorization", bearer).status());
        Api.get("/me/participations", "Authorization", bearer).assertProblem(401, "token-revoked");
        castIn(Polls.open(Polls.draft("로그아웃 시험", "OPEN", "LIVE", Polls.question("YES_NO", "예?"))), bearer)
                .assertProblem(401, "token-revoked");
        Api.send("DELETE", "/auth/token", null, "Authorization", bearer).assertProblem(401, "token-revoked");
        Api.send("DELETE", "/auth/token", null).assertProblem(401, "token-missing");
        assertEquals(1, Database.count("SELECT count(*) FROM revoked_token WHERE expires_at > now()"
                + " AND token_id = ?", claims(bearer).getString("jti")));
        // signing in again works: only that token was revoked
        assertEquals(200, Api.get("/me/participations", "Authorization", "Bearer " + signInAgain(phone)).status());
    }

    @Test
    void signingOutEverywhereRevokesEveryTokenOfTheCitizen() {
        String phone = Citizens.newPhone();
        String first = "Bearer " + Citizens.signIn(phone);
        String second = "Bearer " + signInAgain(phone);
        String stranger = "Bearer " + Citizens.signIn(Citizens.newPhone());
        assertEquals(200, Api.get("/me/participations", "Authorization", first).status());
        assertEquals(204, Api.send("DELETE", "/auth/tokens", null, "Authorization", second).status());
        Api.get("/me/participations", "Authorization", first).assertProblem(401, "token-revoked");
        Api.get("/me/participations", "Authorization", second).assertProblem(401, "token-revoked");
        assertEquals(200, Api.get("/me/participations", "Authorization", stranger).status(), "only this citizen's");
        assertEquals(200, Api.get("/me/participations", "Authorization", "Bearer " + signInAgain(phone)).status());
    }

    @Test
    void aNumberUnusedForAYearStartsANewCitizenWhoStillCannotVoteAgainWhereTheNumberVoted() {
        JsonObject poll = Polls.open(Polls.draft("번호 이전 시험", "OPEN", "LIVE",
                Polls.question("SINGLE_CHOICE", "어느 쪽?", "가", "나")));
        String phone = Citizens.newPhone();
        String before = "Bearer " + Citizens.signIn(phone);
        assertEquals(201, castIn(poll, before).status());
        assertEquals(200, Api.put("/me/profile", profile(true, "MAPO", 1970).build(), "Authorization", before).status());
        String oldCitizen = claims(before).getString("sub");
        assertEquals(1, Api.get("/me/participations", "Authorization", before).jsonArray().size());

        // 13 months without a sign-in (MVOTING_NUMBER_REASSIGNED_AFTER_MONTHS is 12): the carrier may have passed it on.
        // The old owner's vote is then at least as old (the poll runs long): move it and the citizen back in time.
        Database.execute("UPDATE citizen SET last_sign_in_at = now() - interval '13 months',"
                + " created_at = now() - interval '14 months' WHERE id = ?::uuid", oldCitizen);
        Database.execute("UPDATE participation SET voted_on = voted_on - interval '13 months' WHERE poll_id = ?::uuid",
                poll.getString("id"));
        String after = "Bearer " + signInAgain(phone);
        String newCitizen = claims(after).getString("sub");
        assertFalse(oldCitizen.equals(newCitizen), "a new citizen");
        Api.get("/me/profile", "Authorization", after).assertProblem(404, "profile-not-found");
        assertEquals(0, Api.get("/me/participations", "Authorization", after).jsonArray().size(), "no inherited history");
        assertEquals(0, Api.get("/citizen-polls/mine", "Authorization", after).jsonArray().size());
        // the number's voter key is the same: the poll it voted in stays voted in
        castIn(poll, after).assertProblem(409, "already-voted");
        assertEquals(1, Database.recordedBallots(poll.getString("id")));
        // the old citizen is unlinked from the number, its profile gone, its tokens refused
        Api.get("/me/participations", "Authorization", before).assertProblem(401, "token-revoked");
        assertEquals(1, Database.count("SELECT count(*) FROM citizen WHERE id = ?::uuid AND retired_at IS NOT NULL",
                oldCitizen));
        assertEquals(0, Database.count("SELECT count(*) FROM citizen_profile WHERE citizen_id = ?::uuid", oldCitizen));

        // a number in use stays the same citizen
        String again = "Bearer " + signInAgain(phone);
        assertEquals(newCitizen, claims(again).getString("sub"));
    }

    /** Signs the number in once more (the resend cooldown is moved out of the way, and the old code forgotten). */
    private static String signInAgain(String phone) {
        Database.execute("UPDATE otp_challenge SET created_at = created_at - interval '2 hours'");
        Database.execute("DELETE FROM local_sms_message WHERE recipient = ?", phone);
        return Citizens.signIn(phone);
    }

    private static Api.Reply castIn(JsonObject poll, String bearer) {
        return Api.send("POST", "/polls/" + poll.getString("id") + "/ballots",
                Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(0)).toString(),
                "Authorization", bearer, "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** The claims of one of our tokens (read only; the server checks them). */
    private static JsonObject claims(String bearer) {
        String payload = bearer.substring("Bearer ".length()).split("\\.")[1];
        try (jakarta.json.JsonReader reader = Json.createReader(new java.io.StringReader(new String(
                java.util.Base64.getUrlDecoder().decode(payload), java.nio.charset.StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    @Test
    void theCityHallQrCodeOpensTheFeaturedPollOrTheSignUp() throws java.io.IOException {
        Api.Reply cleared = Api.send("DELETE", "/admin/featured-poll", null, "Authorization", Api.MAYOR_OFFICE);
        assertEquals(204, cleared.status(), cleared.body());
        Api.get("/polls/featured").assertProblem(404, "featured-poll-none");
        assertTrue(cityHall().endsWith("/m/#/login?from=city-hall"), cityHall());

        JsonObject poll = Polls.open(Polls.draft("시청 QR 시험", "OPEN", "LIVE", Polls.question("YES_NO", "찬성?")));
        String id = poll.getString("id");
        JsonObject body = Json.createObjectBuilder().add("pollId", id).build();
        Api.put("/admin/featured-poll", body, "Authorization", Api.basic("it.staff1")).assertProblem(403, "role-required");
        Api.put("/admin/featured-poll", body, "Authorization", Api.basic("econ.operator"))
                .assertProblem(403, "featured-mayor-office-only");
        Api.put("/admin/featured-poll", body, "Authorization", Api.OPERATOR).assertProblem(403, "featured-mayor-office-only");
        assertEquals(204, Api.put("/admin/featured-poll", body, "Authorization", Api.MAYOR_OFFICE).status());
        assertEquals(id, Api.get("/polls/featured").json().getString("pollId"));
        assertTrue(cityHall().endsWith("/m/#/polls/" + id + "?from=city-hall"), cityHall());
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'poll.feature' AND target = ?", id));
        // every open poll also has its own short link, which opens it in the mobile web
        String code = Api.get("/admin/polls/" + id, "Authorization", Api.OPERATOR).json().getString("shortCode");
        assertTrue(redirect("/p/" + code).endsWith("/m/#/polls/" + id));
        assertEquals(404, Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Browser.SITE + "/p/nosuchcode1")).build()).status());

        // printable PNGs for the wall and for the poll, for staff: they lead to the citizens' address of the site
        ServerProperties.set(management, "mvoting.public.url", "https://vote.example.go.kr/");
        try {
            assertEquals("https://vote.example.go.kr/q/city-hall", qrText("/admin/qr/city-hall.png"));
            assertEquals("https://vote.example.go.kr/p/" + code, qrText("/admin/qr/" + id + ".png"));
        } finally {
            ServerProperties.remove(management, "mvoting.public.url");
        }
        assertEquals(Browser.SITE + "/p/" + code, qrText("/admin/qr/" + id + ".png"), "unset: where staff reached us");
        assertEquals(403, Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Browser.SITE + "/admin/qr/" + id + ".png"))
                .header("Authorization", Api.basic("econ.operator")).build()).status(), "another department's poll");

        // only open citizen polls; a closed one stops being featured
        JsonObject staffDraft = Polls.createDraft(Polls.draft("직원 전용", "ORG_UNITS", "LIVE", Polls.question("YES_NO", "예?"))
                .add("kind", "CITY_TO_STAFF"));
        Api.put("/admin/featured-poll", Json.createObjectBuilder().add("pollId", staffDraft.getString("id")).build(),
                "Authorization", Api.MAYOR_OFFICE).assertProblem(422, "poll-not-featurable");
        Polls.close(id);
        assertTrue(cityHall().endsWith("/m/#/login?from=city-hall"), "a closed poll is no longer where the code leads");
    }

    @Test
    void anUploadedPhoneListListsTheGoodRowsAndReportsTheRest() {
        JsonObject poll = Polls.createDraft(Polls.draft("명단 업로드", "LISTED", "LIVE", Polls.question("YES_NO", "찬성?")));
        String listed = Citizens.newPhone();
        String csv = "전화번호,이름\n" + listed + ",김\n02-123-4567,이\n" + listed.replace("-", "") + ",박\nabc,최\n";
        Api.Reply reply = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/admin/polls/"
                        + poll.getString("id") + "/listed-voters/import?replace=true"))
                .header("Authorization", Api.OPERATOR).header("Content-Type", "text/csv")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(csv, java.nio.charset.StandardCharsets.UTF_8)).build());
        assertEquals(200, reply.status(), reply.body());
        JsonObject report = reply.json();
        assertEquals(4, report.getInt("rows"));
        assertEquals(1, report.getInt("listedNow"));
        assertEquals(List.of(3, 5), report.getJsonArray("invalid").stream()
                .map(p -> p.asJsonObject().getInt("row")).toList(), "landline and text, with their file rows");
        assertEquals("duplicate-of-row-2", report.getJsonArray("duplicates").getJsonObject(0).getString("reason"));
        assertEquals(4, report.getJsonArray("duplicates").getJsonObject(0).getInt("row"));

        JsonObject open = Polls.publish(poll);
        // the listed citizen finds it among "polls I am invited to" until they have voted; nobody else does
        String listedToken = Citizens.signIn(listed);
        assertEquals(List.of(open.getString("id")), invitedPollIds(listedToken));
        assertEquals(List.of(), invitedPollIds(Citizens.signIn(Citizens.newPhone())));
        Api.get("/me/invitations").assertProblem(401, "token-missing");
        assertEquals(201, Api.send("POST", "/polls/" + open.getString("id") + "/ballots",
                Polls.ballot(Polls.questionId(open, 0), Polls.optionIds(open, 0).get(0)).toString(),
                "Authorization", "Bearer " + listedToken, "Idempotency-Key", UUID.randomUUID().toString()).status());
        assertEquals(List.of(), invitedPollIds(listedToken), "voted: no longer waiting for me");
        Api.send("POST", "/polls/" + open.getString("id") + "/ballots",
                Polls.ballot(Polls.questionId(open, 0), Polls.optionIds(open, 0).get(0)).toString(),
                "Authorization", "Bearer " + Citizens.signIn(Citizens.newPhone()), "Idempotency-Key",
                UUID.randomUUID().toString()).assertProblem(403, "not-eligible");
        // a file that is not a workbook is refused in words
        Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Api.BASE + "/admin/polls/"
                        + poll.getString("id") + "/listed-voters/import"))
                .header("Authorization", Api.OPERATOR).header("Content-Type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("garbage")).build())
                .assertProblem(422, "poll-phone-list-unreadable");
    }

    // ---------------------------------------------------------------- devices and assurance levels

    private static JsonObject deviceLevelPoll(String title) {
        return Polls.open(Polls.draft(title, "OPEN", "LIVE", Polls.question("YES_NO", "좋습니까?"))
                .add("minimumAssurance", "DEVICE"));
    }

    /** Casts "yes" in the poll: from a device (may be null), signed in when a token is given. */
    private static Api.Reply vote(JsonObject poll, String device, String token, String idempotencyKey) {
        List<String> headers = new java.util.ArrayList<>(List.of("Idempotency-Key", idempotencyKey));
        if (device != null) {
            headers.addAll(List.of("X-Device-Id", device));
        }
        if (token != null) {
            headers.addAll(List.of("Authorization", "Bearer " + token));
        }
        return Api.send("POST", "/polls/" + poll.getString("id") + "/ballots",
                Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(0)).toString(),
                headers.toArray(String[]::new));
    }

    private static Api.Reply vote(JsonObject poll, String device, String token) {
        return vote(poll, device, token, UUID.randomUUID().toString());
    }

    @Test
    void aDeviceLevelPollTakesOneBallotPerDeviceWithoutSignIn() {
        JsonObject poll = deviceLevelPoll("로비 만족도");
        String device = Citizens.newDevice();
        String key = UUID.randomUUID().toString();
        Api.Reply first = vote(poll, device, null, key);
        assertEquals(201, first.status(), first.body());
        Api.Reply retry = vote(poll, device, null, key);
        assertEquals(200, retry.status(), "a retry of the same request gets the same receipt");
        assertEquals(first.json().getString("receipt"), retry.json().getString("receipt"));
        vote(poll, device, null).assertProblem(409, "already-voted-on-device");
        assertEquals(201, vote(poll, Citizens.newDevice(), null).status(), "another device counts once too");
        assertEquals(2, Database.recordedBallots(poll.getString("id")));

        vote(poll, null, null).assertProblem(401, "token-missing");
        vote(poll, "short", null).assertProblem(400, "device-id-invalid");
        vote(poll, "not a device id with spaces", null).assertProblem(400, "device-id-invalid");
        JsonObject smsPoll = Polls.open(Polls.draft("휴대폰 인증 투표", "OPEN", "LIVE", Polls.question("YES_NO", "좋습니까?")));
        vote(smsPoll, Citizens.newDevice(), null).assertProblem(401, "sign-in-required");
        assertEquals(0, Database.recordedBallots(smsPoll.getString("id")));
        assertEquals(2, Database.recordedBallots(poll.getString("id")), "no refusal left a ballot behind");
    }

    @Test
    void aDeviceCountsAsTheCitizenWhoFirstSignedInOnIt() {
        String phoneA = Citizens.newPhone();
        String deviceA = Citizens.newDevice();
        String tokenA = Citizens.signIn(phoneA, deviceA); // binds deviceA to A

        // A votes signed in on another device; signed out, A's own device is A and cannot vote again
        JsonObject first = deviceLevelPoll("기기 묶기 1");
        String otherDevice = Citizens.newDevice();
        assertEquals(201, vote(first, otherDevice, tokenA).status());
        vote(first, deviceA, null).assertProblem(409, "already-voted-on-device");
        vote(first, otherDevice, null).assertProblem(409, "already-voted-on-device");
        vote(first, Citizens.newDevice(), tokenA).assertProblem(409, "already-voted");

        // a device that voted signed out, then was signed in on, has used that citizen's vote
        JsonObject second = deviceLevelPoll("기기 묶기 2");
        String deviceB = Citizens.newDevice();
        assertEquals(201, vote(second, deviceB, null).status());
        String tokenB = Citizens.signIn(Citizens.newPhone(), deviceB);
        vote(second, Citizens.newDevice(), tokenB).assertProblem(409, "already-voted-on-device");

        // the first sign-in wins: C signing in on A's device does not make it C's
        String tokenC = Citizens.signIn(Citizens.newPhone(), deviceA);
        JsonObject third = deviceLevelPoll("기기 묶기 3");
        assertEquals(201, vote(third, Citizens.newDevice(), tokenC).status());
        assertEquals(201, vote(third, deviceA, null).status(), "deviceA votes as A, who had not voted");
        vote(third, Citizens.newDevice(), tokenA).assertProblem(409, "already-voted"); // A's vote came from deviceA
        assertEquals(2, Database.recordedBallots(third.getString("id")));
    }

    @Test
    void unauthenticatedBallotsAreLimitedPerNetworkAddress() throws java.io.IOException {
        JsonObject poll = deviceLevelPoll("주소당 제한");
        Database.execute("DELETE FROM rate_limit_window");
        ServerProperties.set(management, "mvoting.device.ballots.per.address.per.hour", "2");
        try {
            String device = Citizens.newDevice();
            assertEquals(201, vote(poll, device, null).status());
            vote(poll, device, null).assertProblem(409, "already-voted-on-device"); // refused attempts count too
            Api.Reply limited = vote(poll, Citizens.newDevice(), null);
            limited.assertProblem(429, "rate-limited-device-ballots");
            long retryAfter = Long.parseLong(limited.header("Retry-After"));
            assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
            assertEquals(1, Database.recordedBallots(poll.getString("id")));
            // a signed-in citizen is not held back by the address
            assertEquals(201, vote(poll, Citizens.newDevice(), Citizens.signIn(Citizens.newPhone())).status());
        } finally {
            ServerProperties.remove(management, "mvoting.device.ballots.per.address.per.hour");
            Database.execute("DELETE FROM rate_limit_window");
        }
    }

    @Test
    void certificateLevelIsRefusedUntilTheCityConfiguresTrustAnchors() throws IOException {
        ServerProperties.remove(management, "mvoting.certificate.trust.anchors");
        JsonObject draft = Polls.createDraft(Polls.draft("인증서 투표", "OPEN", "LIVE", Polls.question("YES_NO", "예?"))
                .add("minimumAssurance", "CERTIFICATE"));
        Api.post("/admin/polls/" + draft.getString("id") + "/submit", null, "Authorization", Api.OPERATOR)
                .assertProblem(422, "poll-certificate-sign-in-off");
        Api.post("/auth/certificate-challenges", null).assertProblem(403, "certificate-sign-in-off");
        JsonObject listedDevice = Polls.createDraft(Polls.draft("기기 명단", "LISTED", "LIVE", Polls.question("YES_NO", "예?"))
                .add("minimumAssurance", "DEVICE"));
        Api.post("/admin/polls/" + listedDevice.getString("id") + "/submit", null, "Authorization", Api.OPERATOR)
                .assertProblem(422, "poll-device-level-needs-open-audience");
    }

    private static final String HTTPS_API = "https://127.0.0.1:8443/api/v1";

    /**
     * Issue 18 part 6, over real TLS (the test server's HTTPS listener, its self-signed key made by WildFly at the first
     * TLS connection): a CA made here, certificates valid, renewed, expired, revoked and from a foreign CA.
     */
    @Test
    void citizensVoteByCertificateOverTlsOncePerPersonAcrossRenewalAndBadCertificatesAreRefusedByName()
            throws IOException, java.security.GeneralSecurityException {
        TestCertificates city = TestCertificates.create("Seoul Citizens CA " + UUID.randomUUID());
        TestCertificates foreign = TestCertificates.create("Foreign CA");
        String serial = "KR-" + UUID.randomUUID();
        TestCertificates.Issued valid = city.issue("CN=홍길동,SERIALNUMBER=" + serial);
        TestCertificates.Issued renewed = city.issue("CN=홍길동,SERIALNUMBER=" + serial);
        java.time.Instant now = java.time.Instant.now();
        TestCertificates.Issued expired = city.issue("CN=Old,SERIALNUMBER=KR-OLD-" + UUID.randomUUID(),
                now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(30)), false);
        TestCertificates.Issued revoked = city.issue("CN=Lost,SERIALNUMBER=KR-LOST-" + UUID.randomUUID());
        TestCertificates.Issued alien = foreign.issue("CN=Alien,SERIALNUMBER=" + serial);
        TestCertificates.Issued rsa = city.issue("CN=Rsa,SERIALNUMBER=KR-RSA-" + UUID.randomUUID(),
                now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(30)), true);

        Path folder = Files.createTempDirectory("mvoting-certificates");
        Path anchors = Files.createDirectory(folder.resolve("anchors"));
        Files.writeString(anchors.resolve("city.pem"), TestCertificates.pem(city.certificate()));
        Path crl = folder.resolve("city.crl");
        Files.writeString(crl, TestCertificates.pem(city.crl(revoked.certificate())));
        ServerProperties.set(management, "mvoting.certificate.trust.anchors", anchors.toString());
        ServerProperties.set(management, "mvoting.certificate.crl", crl.toString());
        try {
            JsonObject listed = Polls.createDraft(Polls.draft("인증서 명단", "LISTED", "LIVE", Polls.question("YES_NO", "예?"))
                    .add("minimumAssurance", "CERTIFICATE"));
            Api.post("/admin/polls/" + listed.getString("id") + "/submit", null, "Authorization", Api.OPERATOR)
                    .assertProblem(422, "poll-certificate-level-needs-open-audience");
            JsonObject poll = Polls.open(Polls.draft("중요 안건 인증서 투표", "OPEN", "LIVE", Polls.question("YES_NO", "찬성합니까?"))
                    .add("minimumAssurance", "CERTIFICATE"));
            assertEquals("CERTIFICATE", Api.get("/polls/" + poll.getString("id")).json().getString("minimumAssurance"));

            // a phone sign-in or a device is not enough, and says so
            overTls(poll, Citizens.signIn(Citizens.newPhone())).assertProblem(403, "certificate-required");
            tls("POST", "/polls/" + poll.getString("id") + "/ballots", ballotOf(poll), "X-Device-Id", Citizens.newDevice(),
                    "Idempotency-Key", UUID.randomUUID().toString()).assertProblem(403, "certificate-required");

            // the valid certificate signs in and votes; its proof cannot be replayed
            JsonObject proof = proof(valid);
            Api.Reply signedIn = tls("POST", "/auth/certificate-tokens", proof.toString());
            assertEquals(201, signedIn.status(), signedIn.body());
            assertEquals("no-store", signedIn.header("Cache-Control"));
            String token = signedIn.json().getString("token");
            Api.Reply voted = overTls(poll, token);
            assertEquals(201, voted.status(), voted.body());
            tls("POST", "/auth/certificate-tokens", proof.toString()).assertProblem(401, "certificate-challenge-used");

            // renewed: a new key, the same subject identifier, the same voter
            Api.Reply renewedIn = tls("POST", "/auth/certificate-tokens", proof(renewed).toString());
            assertEquals(201, renewedIn.status(), renewedIn.body());
            overTls(poll, renewedIn.json().getString("token")).assertProblem(409, "already-voted");
            // an RSA key works as well as an EC one
            Api.Reply rsaIn = tls("POST", "/auth/certificate-tokens", proof(rsa).toString());
            assertEquals(201, rsaIn.status(), rsaIn.body());
            assertEquals(201, overTls(poll, rsaIn.json().getString("token")).status());

            // each bad certificate or proof gets its own problem
            tls("POST", "/auth/certificate-tokens", proof(expired).toString()).assertProblem(401, "certificate-expired");
            tls("POST", "/auth/certificate-tokens", proof(revoked).toString()).assertProblem(401, "certificate-revoked");
            tls("POST", "/auth/certificate-tokens", proof(alien).toString()).assertProblem(401, "certificate-untrusted");
            JsonObject stolen = proof(valid, renewed.key()); // the chain of one, signed by another key
            tls("POST", "/auth/certificate-tokens", stolen.toString()).assertProblem(401, "certificate-bad-signature");
            JsonObject forged = Json.createObjectBuilder(proof(valid)).add("challenge", "eyJhbGciOiJIUzI1NiJ9.e30.AAAA").build();
            tls("POST", "/auth/certificate-tokens", forged.toString()).assertProblem(401, "certificate-challenge-invalid");
            JsonObject garbled = Json.createObjectBuilder(proof(valid)).add("chain", Json.createArrayBuilder().add("garbage"))
                    .build();
            tls("POST", "/auth/certificate-tokens", garbled.toString()).assertProblem(400, "certificate-malformed");
            tls("POST", "/auth/certificate-tokens", "{}").assertProblem(400, "validation-failed");

            // a certificate token is not a phone: refused where phones vote, so nobody votes twice
            JsonObject phonePoll = Polls.open(Polls.draft("휴대폰 투표", "OPEN", "LIVE", Polls.question("YES_NO", "예?")));
            overTls(phonePoll, token).assertProblem(403, "certificate-sign-in-not-accepted");
            Api.get("/me/profile", "Authorization", "Bearer " + token).assertProblem(401, "token-malformed");

            // a CRL past its next update: no certificate of that CA passes until a current one is in place
            Files.writeString(crl, TestCertificates.pem(city.crl(now.minus(Duration.ofDays(3)), now.minus(Duration.ofDays(1)))));
            Files.setLastModifiedTime(crl, java.nio.file.attribute.FileTime.from(now.plusSeconds(5)));
            tls("POST", "/auth/certificate-tokens", proof(city.issue("CN=New,SERIALNUMBER=KR-NEW-" + UUID.randomUUID()))
                    .toString()).assertProblem(401, "certificate-revocation-unknown");

            Polls.close(poll.getString("id"));
            assertEquals(2, Database.recordedBallots(poll.getString("id")), "one per person: 홍길동 (twice signed in) and Rsa");
        } finally {
            ServerProperties.remove(management, "mvoting.certificate.trust.anchors");
            ServerProperties.remove(management, "mvoting.certificate.crl");
        }
    }

    /** A fresh challenge from the server, signed with the certificate's key; the chain holds the certificate. */
    private static JsonObject proof(TestCertificates.Issued holder) throws java.security.GeneralSecurityException {
        return proof(holder, holder.key());
    }

    private static JsonObject proof(TestCertificates.Issued holder, java.security.PrivateKey signingKey)
            throws java.security.GeneralSecurityException {
        Api.Reply issued = tls("POST", "/auth/certificate-challenges", null);
        assertEquals(201, issued.status(), issued.body());
        String challenge = issued.json().getString("challenge");
        java.security.Signature signature = java.security.Signature.getInstance(
                "RSA".equals(signingKey.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA");
        signature.initSign(signingKey);
        signature.update(challenge.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Json.createObjectBuilder()
                .add("chain", Json.createArrayBuilder().add(TestCertificates.pem(holder.certificate())))
                .add("challenge", challenge)
                .add("signature", java.util.Base64.getEncoder().encodeToString(signature.sign()))
                .build();
    }

    private static String ballotOf(JsonObject poll) {
        return Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(0)).toString();
    }

    /** Casts "yes" with this bearer token over TLS. */
    private static Api.Reply overTls(JsonObject poll, String token) {
        return tls("POST", "/polls/" + poll.getString("id") + "/ballots", ballotOf(poll),
                "Authorization", "Bearer " + token, "Idempotency-Key", UUID.randomUUID().toString());
    }

    /** A request to the API through the HTTPS listener; asserts the answer came over TLS. */
    private static Api.Reply tls(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(HTTPS_API + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            java.net.http.HttpResponse<String> response = TLS_CLIENT.send(request.build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
            assertTrue(response.sslSession().isPresent(), "over TLS");
            return new Api.Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Trusts the test server's self-signed certificate (made by WildFly, unknown to the test beforehand). */
    private static final java.net.http.HttpClient TLS_CLIENT = trustingTlsClient();

    private static java.net.http.HttpClient trustingTlsClient() {
        try {
            javax.net.ssl.SSLContext tls = javax.net.ssl.SSLContext.getInstance("TLS");
            // an extended trust manager, so the JDK adds no host name check of its own around it
            tls.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509ExtendedTrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String auth, java.net.Socket socket) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String auth, java.net.Socket socket) {
                }

                @Override
                public void checkClientTrusted(X509Certificate[] chain, String auth, javax.net.ssl.SSLEngine engine) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String auth, javax.net.ssl.SSLEngine engine) {
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
            }}, null);
            javax.net.ssl.SSLParameters parameters = tls.getDefaultSSLParameters();
            parameters.setEndpointIdentificationAlgorithm(null); // the self-signed certificate names no 127.0.0.1
            return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                    .sslContext(tls).sslParameters(parameters).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theMobileWebGivesABrowserALongLivedDeviceCookie() {
        java.net.http.HttpResponse<Void> page;
        try {
            page = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(Browser.SITE + "/m/")).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertEquals(200, page.statusCode());
        String cookie = page.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("mvoting_device="))
                .findFirst().orElseThrow(() -> new AssertionError(page.headers().map().toString()));
        String value = cookie.substring("mvoting_device=".length(), cookie.indexOf(';'));
        assertTrue(value.matches("[A-Za-z0-9_-]{43}"), cookie);
        assertTrue(cookie.contains("Max-Age=34560000"), cookie);
        assertTrue(cookie.contains("SameSite=Lax"), cookie);
        // the value is a device id the API accepts
        assertEquals(201, vote(deviceLevelPoll("쿠키 기기"), value, null).status());
    }

    private static List<String> invitedPollIds(String token) {
        return Api.get("/me/invitations", "Authorization", "Bearer " + token).jsonArray().stream()
                .map(p -> p.asJsonObject().getString("id")).toList();
    }

    /** What the QR code served at this portal path says (fetched as the operator, decoded as a phone would). */
    private static String qrText(String path) {
        java.net.http.HttpResponse<byte[]> png;
        try {
            png = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(Browser.SITE + path)).header("Authorization", Api.OPERATOR).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, png.statusCode(), path);
            assertEquals("image/png", png.headers().firstValue("Content-Type").orElse(""));
            java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png.body()));
            int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            // the server draws a pure code (no perspective, no noise): decoded as one, as a phone's reader would
            // manage; ZXing's general detector misses about one random link in 200 even in a perfect image
            return new com.google.zxing.MultiFormatReader().decode(new com.google.zxing.BinaryBitmap(
                    new com.google.zxing.common.HybridBinarizer(new com.google.zxing.RGBLuminanceSource(
                            image.getWidth(), image.getHeight(), pixels))),
                    java.util.Map.of(com.google.zxing.DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        } catch (java.io.IOException | com.google.zxing.NotFoundException e) {
            throw new AssertionError("no readable QR code at " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Where /q/city-hall sends a phone. */
    private static String cityHall() {
        return redirect("/q/city-hall");
    }

    /** Where the server sends a browser that opens this path. */
    private static String redirect(String path) {
        java.net.http.HttpResponse<Void> response;
        try {
            response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(Browser.SITE + path)).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertEquals(302, response.statusCode(), path);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static long profiles() {
        return Database.count("SELECT count(*) FROM citizen_profile");
    }

    // ---- SMS sign-in codes against SMS pumping (issue 14) ----

    @Test
    void codeRequestsFromOneAddressAreLimitedWith429AndRetryAfterAndCountedMaskedForAdmin() throws IOException {
        Directory.ensureSynced();
        Database.execute("DELETE FROM rate_limit_window");
        ServerProperties.set(management, "mvoting.sms.codes.per.address.per.hour", "2");
        try {
            List<String> accepted = List.of(Citizens.newPhone(), Citizens.newPhone());
            accepted.forEach(phone -> assertEquals(202, askCode(phone).status()));
            String refusedPhone = Citizens.newPhone();
            Api.Reply limited = askCode(refusedPhone);
            limited.assertProblem(429, "rate-limited-codes-per-address");
            long retryAfter = Long.parseLong(limited.header("Retry-After"));
            assertTrue(retryAfter > 0 && retryAfter <= 3600, "Retry-After " + retryAfter);
            askCode(Citizens.newPhone()).assertProblem(429, "rate-limited-codes-per-address");

            Citizens.awaitCodes(accepted, Duration.ofSeconds(60)); // the accepted codes went out
            assertEquals(0, Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ?", refusedPhone));

            JsonObject row = refusal(smsGuard(1), "ADDRESS_LIMIT", masked(refusedPhone));
            assertEquals(1, row.getJsonNumber("refusals").longValue());
            assertTrue(row.getString("origin").matches("127\\.0\\.0\\.x|[0-9a-f:]+::/48"), row.toString());
            // only masked values are stored: not the address, not the number
            assertEquals(0, Database.count("SELECT count(*) FROM sms_refusal WHERE origin = '127.0.0.1'"
                    + " OR destination LIKE ?", "%" + refusedPhone.substring(5) + "%"));
            Api.get("/admin/sms-guard", "Authorization", Api.OPERATOR).assertProblem(403, "role-required");
            Api.get("/admin/sms-guard").assertProblem(401, "staff-login-required");
        } finally {
            ServerProperties.remove(management, "mvoting.sms.codes.per.address.per.hour");
            Database.execute("DELETE FROM rate_limit_window");
        }
    }

    @Test
    void numbersOutsideTheAllowedCountriesAreRefusedBeforeAnySmsAndCounted() throws IOException {
        Directory.ensureSynced();
        List<String> foreign = List.of("+12025550123", "+447700900123", "+979123456789", "+881612345678");
        for (String phone : foreign) {
            Api.Reply refused = askCode(phone);
            refused.assertProblem(422, "phone-country-not-allowed");
            assertNull(refused.header("Retry-After"));
        }
        // a Korean premium-rate number (060) is no mobile number at all
        askCode("060-700-1234").assertProblem(422, "phone-invalid");
        String korean = Citizens.newPhone();
        assertNotNull(Citizens.signIn(korean), "a Korean mobile number still signs in");
        assertEquals(0, Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ANY (?)",
                (Object) foreign.toArray(new String[0])));

        JsonObject guard = smsGuard(1);
        assertTrue(refusal(guard, "COUNTRY", "+1202*****23").getJsonNumber("refusals").longValue() >= 1);
        assertTrue(refusal(guard, "COUNTRY", "+4477******23").getJsonNumber("refusals").longValue() >= 1);
        assertTrue(refusal(guard, "COUNTRY", "+9791******89").getJsonNumber("refusals").longValue() >= 1);

        // the allow-list is a setting: a city may add a country
        ServerProperties.set(management, "mvoting.sms.allowed.prefixes", "+8210,+44");
        try {
            assertEquals(202, askCode("+447700900123").status());
            askCode("+12025550123").assertProblem(422, "phone-country-not-allowed");
        } finally {
            ServerProperties.remove(management, "mvoting.sms.allowed.prefixes");
        }
    }

    @Test
    void theDailySmsBudgetWarnsAtEightyPercentOnceAndThenRefusesCodes() throws Exception {
        Directory.ensureSynced();
        Database.execute("DELETE FROM rate_limit_window");
        ServerProperties.set(management, "mvoting.sms.daily.budget", "5");
        long warningsBefore = serverLogLines("SMS budget: ");
        try {
            List<String> accepted = new ArrayList<>(List.of(Citizens.newPhone(), Citizens.newPhone(), Citizens.newPhone()));
            accepted.forEach(phone -> assertEquals(202, askCode(phone).status()));
            JsonObject below = smsGuard(1).getJsonObject("budget");
            assertFalse(below.getBoolean("warning"), below.toString()); // 3 of 5: 60 %
            assertFalse(portalDashboard(Api.SYSADMIN).contains("id=\"smsBudgetWarning\""));

            String fourth = Citizens.newPhone();
            assertEquals(202, askCode(fourth).status());
            accepted.add(fourth);
            JsonObject budget = smsGuard(1).getJsonObject("budget");
            assertEquals(5, budget.getInt("budget"));
            assertTrue(budget.getBoolean("warning"), budget.toString());
            assertFalse(budget.getBoolean("exhausted"), budget.toString());
            String dashboard = portalDashboard(Api.SYSADMIN);
            assertTrue(dashboard.contains("id=\"smsBudgetWarning\""), "the ADMIN dashboard warns");
            assertFalse(portalDashboard(Api.OPERATOR).contains("id=\"smsGuard\""), "only ADMIN sees the SMS block");

            // up to 100 %, then refused until midnight
            Api.Reply refused = null;
            String refusedPhone = null;
            for (int i = 0; i < 3 && refused == null; i++) {
                String phone = Citizens.newPhone();
                Api.Reply reply = askCode(phone);
                if (reply.status() == 429) {
                    refused = reply;
                    refusedPhone = phone;
                } else {
                    assertEquals(202, reply.status(), reply.body());
                    accepted.add(phone);
                }
            }
            assertNotNull(refused, "the fifth code used the budget up and the sixth is refused");
            refused.assertProblem(429, "rate-limited-sms-budget");
            long retryAfter = Long.parseLong(refused.header("Retry-After"));
            assertTrue(retryAfter > 0 && retryAfter <= 25 * 3600, "Retry-After " + retryAfter);
            JsonObject guard = smsGuard(1);
            assertTrue(guard.getJsonObject("budget").getBoolean("exhausted"), guard.toString());
            assertEquals(5, guard.getJsonObject("budget").getJsonNumber("used").longValue(), "never past the budget");
            assertEquals(1, refusal(guard, "DAILY_BUDGET", masked(refusedPhone)).getJsonNumber("refusals").longValue());

            Citizens.awaitCodes(accepted, Duration.ofSeconds(60));
            assertEquals(0, Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ?", refusedPhone));
            assertEquals(1, serverLogLines("SMS budget: ") - warningsBefore, "one warning in the log, not one per SMS");
        } finally {
            ServerProperties.remove(management, "mvoting.sms.daily.budget");
            Database.execute("DELETE FROM rate_limit_window");
        }
    }

    private static Api.Reply askCode(String phone) {
        return Api.post("/auth/codes", Json.createObjectBuilder().add("phone", phone).build());
    }

    private static JsonObject smsGuard(int days) {
        Api.Reply reply = Api.get("/admin/sms-guard?days=" + days, "Authorization", Api.SYSADMIN);
        assertEquals(200, reply.status(), reply.body());
        return reply.json();
    }

    /** The mixer's advisory lock (AdvisoryLocks.Space.MIXER, id 0): while a session holds it, no node mixes. */
    private static final String MIXER_LOCK = "(1297481731, 0)";

    @Test
    void theCitysMonitoringScrapesBallotCountsQueueDepthsAndThePoolWithItsTokenOnly() throws Exception {
        ServerProperties.remove(management, "mvoting.metrics.token");
        assertEquals(404, Operations.metrics(null).status(), "no token configured: there is no /metrics");
        String token = "city-monitoring-" + UUID.randomUUID();
        ServerProperties.set(management, "mvoting.metrics.token", token);
        try {
            Api.Reply anonymous = Operations.metrics(null);
            assertEquals(401, anonymous.status());
            assertTrue(anonymous.header("WWW-Authenticate").startsWith("Bearer"), anonymous.header("WWW-Authenticate"));
            assertFalse(anonymous.body().contains("mvoting_"), anonymous.body());
            assertEquals(401, Operations.metrics("Bearer " + token + "x").status());
            assertEquals(401, Operations.metrics(Api.SYSADMIN).status(), "a staff login is not the monitoring's token");
            String citizen = Citizens.signIn(Citizens.newPhone());
            assertEquals(401, Operations.metrics("Bearer " + citizen).status(), "nor a citizen's");

            JsonObject poll = Polls.open(Polls.draft("지표 시험", "OPEN", "LIVE", Polls.question("YES_NO", "예?")));
            Map<String, Double> before = Operations.scrape(token);
            String voter = "Bearer " + Citizens.signIn(Citizens.newPhone()); // one sign-in code: one SMS of the budget
            String key = UUID.randomUUID().toString();
            String paper = Polls.ballot(Polls.questionId(poll, 0), Polls.optionIds(poll, 0).get(0)).toString();
            Map<String, Double> during;
            try (Connection mixerHeld = Database.connect(); Statement s = mixerHeld.createStatement()) {
                s.execute("SELECT pg_advisory_lock" + MIXER_LOCK);
                assertEquals(201, Api.send("POST", "/polls/" + poll.getString("id") + "/ballots", paper,
                        "Authorization", voter, "Idempotency-Key", key).status());
                assertEquals(200, Api.send("POST", "/polls/" + poll.getString("id") + "/ballots", paper,
                        "Authorization", voter, "Idempotency-Key", key).status(), "a retry gets its receipt again");
                castIn(poll, voter).assertProblem(409, "already-voted");
                Citizens.sleep(2_100);
                during = Operations.scrape(token);
                s.execute("SELECT pg_advisory_unlock" + MIXER_LOCK);
            }
            assertEquals(1, Operations.value(during, "mvoting_ballots_accepted_total")
                    - Operations.value(before, "mvoting_ballots_accepted_total"), "one new ballot");
            assertEquals(1, Operations.value(during, "mvoting_ballots_replayed_total")
                    - Operations.value(before, "mvoting_ballots_replayed_total"), "one retry");
            String alreadyVoted = "mvoting_ballots_refused_total{reason=\"already-voted\"}";
            assertEquals(1, Operations.value(during, alreadyVoted) - before.getOrDefault(alreadyVoted, 0.0), "one refusal");
            // the mixer was held: our ballot waited in the inbox for more than two seconds
            assertTrue(Operations.value(during, "mvoting_ballot_inbox_depth") >= 1, during.toString());
            double lag = Operations.value(during, "mvoting_mixer_lag_seconds");
            assertTrue(lag >= 2 && lag < 60, "mixer lag " + lag);
            // the sign-in code counted against the budget (an earlier test's campaign SMS may count too)
            assertTrue(Operations.value(during, "mvoting_sms_budget_used") - Operations.value(before, "mvoting_sms_budget_used") >= 1,
                    during.get("mvoting_sms_budget_used") + " after " + before.get("mvoting_sms_budget_used"));
            assertEquals(1_000_000, Operations.value(during, "mvoting_sms_budget_daily"));
            assertEquals(1, Operations.value(during, "mvoting_database_up"));
            for (String channel : List.of("sms", "push")) {
                assertTrue(Operations.value(during, "mvoting_outbox_pending_messages{channel=\"" + channel + "\"}") >= 0);
                assertTrue(Operations.value(during, "mvoting_outbox_failed_messages_24h{channel=\"" + channel + "\"}") >= 0);
                assertTrue(Operations.value(during, "mvoting_outbox_delivery_failures_total{channel=\"" + channel
                        + "\",outcome=\"retry\"}") >= 0);
            }
            // WildFly's own statistics of the pool, bound by the 30 of the test pool. The two figures are read one after
            // the other while other work (the mixer, the timers) takes and returns connections, so each is bounded on
            // its own: their sum was once seen at 31 (1 in use, 30 available)
            double inUse = Operations.value(during, "mvoting_pool_connections{state=\"in_use\"}");
            double available = Operations.value(during, "mvoting_pool_connections{state=\"available\"}");
            assertTrue(inUse >= 0 && inUse <= 30 && available > 0 && available <= 30,
                    "in use " + inUse + ", available " + available);
            assertTrue(Operations.value(during, "mvoting_pool_max_used_connections") >= 1);
            Operations.value(during, "mvoting_pool_blocking_failures_total");

            // released, the mixer takes the ballot: the inbox empties and the lag falls back
            long deadline = System.currentTimeMillis() + 10_000;
            Map<String, Double> after = Operations.scrape(token);
            while (Operations.value(after, "mvoting_mixer_lag_seconds") >= 2 && System.currentTimeMillis() < deadline) {
                Citizens.sleep(250);
                after = Operations.scrape(token);
            }
            assertTrue(Operations.value(after, "mvoting_mixer_lag_seconds") < 2, after.toString());
        } finally {
            ServerProperties.remove(management, "mvoting.metrics.token");
        }
        assertEquals(404, Operations.metrics(null).status(), "the token removed: /metrics is gone again");
    }

    /** The one refusal row of today with this reason and masked number. */
    private static JsonObject refusal(JsonObject guard, String reason, String destination) {
        List<JsonObject> rows = guard.getJsonArray("refusals").getValuesAs(JsonObject.class).stream()
                .filter(r -> r.getString("reason").equals(reason) && r.getString("destination").equals(destination))
                .toList();
        assertEquals(1, rows.size(), () -> reason + " " + destination + " in " + guard);
        return rows.get(0);
    }

    /** +821012345678 → +82 10-****-5678, as the refusal counts keep a number. */
    private static String masked(String e164) {
        return "+82 " + e164.substring(3, 5) + "-****-" + e164.substring(e164.length() - 4);
    }

    private static String portalDashboard(String authorization) {
        Api.Reply page = Api.send(HttpRequest.newBuilder(URI.create(Browser.SITE + "/admin/index.xhtml"))
                .header("Authorization", authorization).GET().build());
        assertEquals(200, page.status(), page.body());
        return page.body();
    }

    /** Lines of the managed server's log that contain {@code text}. */
    private static long serverLogLines(String text) throws IOException {
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        try (var lines = Files.lines(log)) {
            return lines.filter(line -> line.contains(text)).count();
        }
    }
}
