package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What a signed-in citizen manages about themselves: the panel profile with consent, and their history. */
@ExtendWith(ArquillianExtension.class)
class CitizenIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    private static JsonObjectBuilder profile(boolean consent, String district, int birthYear) {
        return Json.createObjectBuilder().add("consent", consent).add("gender", "FEMALE").add("district", district)
                .add("birthYear", birthYear);
    }

    @Test
    void aProfileIsKeptOnlyWithConsentCanBeChangedAndIsDeletedOnWithdrawal() {
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
        assertEquals(0, profiles(), "nothing stored by the refusals");

        JsonObject saved = Api.put("/me/profile", profile(true, "MAPO", 1985).build(), "Authorization", bearer).json();
        assertEquals("MAPO", saved.getString("district"));
        assertFalse(saved.getString("consentedAt").isBlank());
        JsonObject changed = Api.put("/me/profile", profile(true, "GANGNAM", 1985).build(), "Authorization", bearer).json();
        assertEquals("GANGNAM", Api.get("/me/profile", "Authorization", bearer).json().getString("district"));
        assertEquals("GANGNAM", changed.getString("district"));
        assertEquals(1, profiles());

        assertEquals(204, Api.send("DELETE", "/me/profile", null, "Authorization", bearer).status());
        assertEquals(0, profiles(), "withdrawal deletes the profile");
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
    void theCityHallQrCodeOpensTheFeaturedPollOrTheSignUp() {
        Api.Reply cleared = Api.send("DELETE", "/admin/featured-poll", null, "Authorization", Api.OPERATOR);
        assertEquals(204, cleared.status(), cleared.body());
        Api.get("/polls/featured").assertProblem(404, "featured-poll-none");
        assertTrue(cityHall().endsWith("/m/#/login"));

        JsonObject poll = Polls.open(Polls.draft("시청 QR 시험", "OPEN", "LIVE", Polls.question("YES_NO", "찬성?")));
        String id = poll.getString("id");
        JsonObject body = Json.createObjectBuilder().add("pollId", id).build();
        Api.put("/admin/featured-poll", body, "Authorization", Api.basic("it.staff1")).assertProblem(403, "role-required");
        Api.put("/admin/featured-poll", body, "Authorization", Api.basic("econ.operator"))
                .assertProblem(403, "staff-not-manager-of");
        assertEquals(204, Api.put("/admin/featured-poll", body, "Authorization", Api.OPERATOR).status());
        assertEquals(id, Api.get("/polls/featured").json().getString("pollId"));
        assertTrue(cityHall().endsWith("/m/#/polls/" + id), cityHall());
        assertEquals(1, Database.count("SELECT count(*) FROM audit_event WHERE action = 'poll.feature' AND target = ?", id));
        // every open poll also has its own short link, which opens it in the mobile web
        String code = Api.get("/admin/polls/" + id, "Authorization", Api.OPERATOR).json().getString("shortCode");
        assertTrue(redirect("/p/" + code).endsWith("/m/#/polls/" + id));
        assertEquals(404, Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Browser.SITE + "/p/nosuchcode1")).build()).status());

        // a printable PNG for the wall, for staff
        Api.Reply png = Api.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(Browser.SITE + "/admin/qr/city-hall.png"))
                .header("Authorization", Api.OPERATOR).build());
        assertEquals(200, png.status());
        assertEquals("image/png", png.header("Content-Type"));

        // only open citizen polls; a closed one stops being featured
        JsonObject staffDraft = Polls.createDraft(Polls.draft("직원 전용", "ORG_UNITS", "LIVE", Polls.question("YES_NO", "예?"))
                .add("kind", "CITY_TO_STAFF"));
        Api.put("/admin/featured-poll", Json.createObjectBuilder().add("pollId", staffDraft.getString("id")).build(),
                "Authorization", Api.OPERATOR).assertProblem(422, "poll-not-featurable");
        Polls.close(id);
        assertTrue(cityHall().endsWith("/m/#/login"), "a closed poll is no longer where the code leads");
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
        assertEquals(201, Api.send("POST", "/polls/" + open.getString("id") + "/ballots",
                Polls.ballot(Polls.questionId(open, 0), Polls.optionIds(open, 0).get(0)).toString(),
                "Authorization", "Bearer " + Citizens.signIn(listed), "Idempotency-Key", UUID.randomUUID().toString()).status());
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
}
