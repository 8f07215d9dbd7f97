package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff portal in a real headless Chromium: an operator drafts a three-question staff poll and submits it,
 * the department head approves it, a member of staff in the audience votes while one outside is refused, the
 * results table (beside the chart) shows the vote, and the Excel download holds the counts; a moderator works
 * through the queue of held citizens' polls.
 */
@ExtendWith(ArquillianExtension.class)
class PortalBrowserIT {

    private final List<WebDriver> browsers = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @AfterEach
    void closeBrowsers() {
        Browser.closeAll(browsers);
    }

    @Test
    void aStaffPollFromDraftToApprovalToVoteToResultsAndExcel() throws Exception {
        Directory.ensureSynced();

        // the operator drafts: three questions, the audience is one named colleague
        WebDriver operator = loggedIn("it.operator");
        operator.get(Browser.SITE + "/admin/polls/edit.xhtml");
        new Select(operator.findElement(By.id("edit:kind"))).selectByValue("CITY_TO_STAFF");
        waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.id("edit:staffQuery")));
        type(operator, "edit:title", "구내식당 개선 설문");
        click(operator, "edit:addQuestion");
        waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.id("edit:questions:1:text")));
        click(operator, "edit:addQuestion");
        waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.id("edit:questions:2:text")));
        question(operator, 0, "YES_NO", "메뉴를 바꾸는 데 찬성하십니까?", null);
        question(operator, 1, "SINGLE_CHOICE", "가장 먹고 싶은 메뉴는?", "국수\n비빔밥\n김밥");
        question(operator, 2, "SCALE", "지금 식당에 얼마나 만족하십니까?", null);
        type(operator, "edit:staffQuery", "it.staff1");
        click(operator, "edit:staffSearch");
        waitFor(operator).until(ExpectedConditions.elementToBeClickable(By.id("edit:staffResults:0:addPerson")));
        click(operator, "edit:staffResults:0:addPerson");
        waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.id("edit:people:0:removePerson")));
        click(operator, "edit:save");
        waitFor(operator).until(ExpectedConditions.urlContains("id="));
        String pollId = parameter(operator.getCurrentUrl(), "id");
        click(operator, "edit:submit");
        waitFor(operator).until(ExpectedConditions.urlContains("view.xhtml"));
        assertEquals("PENDING_APPROVAL", operator.findElement(By.id("pollStatus")).getAttribute("data-status"));
        assertTrue(operator.findElements(By.id("view:approve")).isEmpty(), "an operator sees no approve button");

        // the head approves: open at once
        WebDriver head = loggedIn("it.head");
        head.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
        click(head, "view:approve");
        waitFor(head).until(d -> "OPEN".equals(d.findElement(By.id("pollStatus")).getAttribute("data-status")));

        // a member of the audience votes: 예, 비빔밥, 4
        WebDriver voter = loggedIn("it.staff1");
        voter.get(Browser.SITE + "/admin/vote.xhtml?id=" + pollId);
        click(voter, "vote:answers:0:single:0");
        click(voter, "vote:answers:1:single:1");
        click(voter, "vote:answers:2:single:3");
        click(voter, "vote:review");
        click(voter, "vote:cast");
        WebElement receipt = waitFor(voter).until(ExpectedConditions.presenceOfElementLocated(By.id("vote:receipt")));
        assertFalse(receipt.getText().isBlank(), "a receipt is shown");

        // someone outside the audience is refused, with the reason in words
        WebDriver outsider = loggedIn("econ.staff1");
        outsider.get(Browser.SITE + "/admin/vote.xhtml?id=" + pollId);
        click(outsider, "vote:answers:0:single:1");
        click(outsider, "vote:answers:1:single:0");
        click(outsider, "vote:answers:2:single:0");
        click(outsider, "vote:review");
        click(outsider, "vote:cast");
        waitFor(outsider).until(d -> d.getPageSource().contains("이 투표는 지정된 분들만 참여할 수 있습니다"));
        assertTrue(outsider.findElements(By.id("vote:receipt")).isEmpty());

        // the results (live, mixed within a second or two) show exactly that vote
        waitFor(head).until(d -> {
            d.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
            List<WebElement> row = d.findElements(By.id("results-q2-o2"));
            return !row.isEmpty() && "1".equals(row.get(0).getAttribute("data-votes"));
        });
        assertEquals("0", head.findElement(By.id("results-q2-o1")).getAttribute("data-votes"));
        assertEquals("1", head.findElement(By.id("results-q1-o1")).getAttribute("data-votes"));
        // the chart itself: Chart.js drew question 2 with the vote on 비빔밥
        Object drawn = ((org.openqa.selenium.JavascriptExecutor) head).executeScript(
                "var c = window.Chart && Chart.getChart(document.getElementById('chart-q2'));"
                        + " return c ? JSON.stringify({labels: c.data.labels, data: c.data.datasets[0].data}) : null;");
        assertEquals("{\"labels\":[\"국수\",\"비빔밥\",\"김밥\"],\"data\":[0,1,0]}", drawn);

        // the Excel download, fetched with the head's session, holds the counts
        byte[] xlsx = download(head, "/admin/download/results/" + pollId + ".xlsx", "spreadsheetml");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertEquals(1.0, numberBeside(workbook, "비빔밥"));
            assertEquals(0.0, numberBeside(workbook, "국수"));
        }
    }

    /**
     * Issue 18 part 1: a plain member of staff finds their poll from the dashboard's badge without any link from
     * outside, votes from "my polls", comes back to it marked voted and follows the results there; someone outside
     * the audience does not see it. The portal session also reads GET /api/v1/staff/my-polls (same origin only), and
     * no other API call.
     */
    @Test
    void aMemberOfStaffFindsTheirPollFromTheDashboardBadgeVotesAndFollowsTheResults() throws Exception {
        Directory.ensureSynced();
        JsonObject draft = Polls.createDraft(Polls.draft("내 투표 찾기 " + System.nanoTime(), "ORG_UNITS", "LIVE",
                Polls.question("YES_NO", "송년회를 사내에서 할까요?")).add("kind", "CITY_TO_STAFF")
                .add("closesAt", java.time.Instant.now().plus(Duration.ofDays(3)).toString()));
        String pollId = draft.getString("id");
        assertEquals(200, Api.put("/admin/polls/" + pollId + "/audience", jakarta.json.Json.createObjectBuilder()
                .add("units", jakarta.json.Json.createArrayBuilder())
                .add("people", jakarta.json.Json.createArrayBuilder().add("it.staff1")).build(),
                "Authorization", Api.OPERATOR).status());
        Polls.publish(draft);

        WebDriver staff = loggedIn("it.staff1");
        staff.get(Browser.SITE + "/admin/index.xhtml");
        int waiting = Integer.parseInt(waitFor(staff).until(ExpectedConditions.presenceOfElementLocated(By.id("myPollsWaiting")))
                .getText().strip());
        assertTrue(waiting >= 1, "the badge counts my open poll: " + waiting);
        click(staff, "myPollsBadge");
        waitFor(staff).until(ExpectedConditions.presenceOfElementLocated(By.id("mypoll-" + pollId)));
        assertEquals("OPEN", staff.findElement(By.id("mypoll-" + pollId)).getAttribute("data-state"));
        assertEquals("false", staff.findElement(By.id("mypoll-" + pollId)).getAttribute("data-voted"));
        assertTrue(staff.findElement(By.id("menuMyPolls")).isDisplayed(), "and the menu leads here too");

        click(staff, "vote-" + pollId);
        click(staff, "vote:answers:0:single:0");
        click(staff, "vote:review");
        click(staff, "vote:cast");
        assertFalse(waitFor(staff).until(ExpectedConditions.presenceOfElementLocated(By.id("vote:receipt"))).getText().isBlank());
        click(staff, "vote:toMyPolls");
        waitFor(staff).until(d -> "true".equals(d.findElement(By.id("mypoll-" + pollId)).getAttribute("data-voted")));
        assertTrue(staff.findElements(By.id("vote-" + pollId)).isEmpty(), "no second vote offered");
        click(staff, "results-" + pollId);
        waitFor(staff).until(d -> {
            List<WebElement> yes = d.findElements(By.id("results-q1-o1"));
            if (yes.isEmpty() || !"1".equals(yes.get(0).getAttribute("data-votes"))) {
                d.navigate().refresh(); // mixed within a second or two
                return false;
            }
            return true;
        });
        assertEquals(pollId, staff.findElement(By.id("myPollResults")).getAttribute("data-poll"));
        staff.get(Browser.SITE + "/admin/index.xhtml");
        assertEquals(waiting - 1, Integer.parseInt(waitFor(staff).until(
                ExpectedConditions.presenceOfElementLocated(By.id("myPollsWaiting"))).getText().strip()));

        // the portal session reads my polls over REST from the same origin, and nothing else on the API
        String session = "JSESSIONID=" + staff.manage().getCookieNamed("JSESSIONID").getValue();
        Api.Reply mine = Api.get("/staff/my-polls", "Cookie", session);
        assertEquals(200, mine.status(), mine.body());
        assertTrue(mine.jsonArray().stream().anyMatch(v -> pollId.equals(v.asJsonObject().getString("id"))
                && v.asJsonObject().getBoolean("voted")));
        Api.get("/staff/my-polls", "Cookie", session, "Sec-Fetch-Site", "cross-site")
                .assertProblem(401, "staff-login-required");
        Api.get("/admin/me", "Cookie", session).assertProblem(401, "staff-login-required");

        // someone outside the audience: not on their page, not in their count
        WebDriver outsider = loggedIn("econ.staff1");
        outsider.get(Browser.SITE + "/admin/my-polls.xhtml");
        waitFor(outsider).until(ExpectedConditions.presenceOfElementLocated(By.tagName("h1")));
        assertTrue(outsider.findElements(By.id("mypoll-" + pollId)).isEmpty());
        outsider.get(Browser.SITE + "/admin/my-polls.xhtml?results=" + pollId);
        waitFor(outsider).until(d -> messages(d).contains("찾을 수 없습니다") || !d.findElements(By.cssSelector(".ui-messages-error")).isEmpty());
        assertTrue(outsider.findElements(By.id("myPollResults")).isEmpty(), "no results of a poll not mine");
    }

    @Test
    void aMeetingPollByQrLinkTheDirectorySyncPageAndTheAuditorsTrail() throws Exception {
        Directory.ensureSynced();

        // the department's operator opens a meeting poll: a QR code (a real PNG) and a short link for the room
        WebDriver head = loggedIn("it.operator");
        head.get(Browser.SITE + "/admin/meeting.xhtml");
        type(head, "meeting:text", "오늘 회의를 30분 연장할까요?");
        new Select(head.findElement(By.id("meeting:type"))).selectByValue("YES_NO");
        pause(500);
        type(head, "meeting:minutes", "10");
        click(head, "meeting:start");
        WebElement link = waitFor(head).until(ExpectedConditions.presenceOfElementLocated(By.id("shortLink")));
        assertTrue(link.getText().contains("/p/" + link.getAttribute("data-code")), link.getText());
        byte[] png = download(head, URI.create(head.findElement(By.id("qr")).getAttribute("src")).getPath(), "image/png");
        java.awt.image.BufferedImage qr = javax.imageio.ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(qr.getWidth() >= 200, "a QR code big enough for a room");

        // a colleague follows the link from their phone: login, then the vote page of that poll
        WebDriver colleague = Browser.open(390, 844);
        browsers.add(colleague);
        colleague.get(link.getAttribute("href"));
        waitFor(colleague).until(ExpectedConditions.urlContains("login.xhtml"));
        type(colleague, "login:id", "it.staff2");
        type(colleague, "login:password", Api.DEMO_PASSWORD);
        click(colleague, "login:submit");
        waitFor(colleague).until(ExpectedConditions.urlContains("vote.xhtml"));
        click(colleague, "vote:answers:0:single:0");
        click(colleague, "vote:review");
        click(colleague, "vote:cast");
        waitFor(colleague).until(ExpectedConditions.presenceOfElementLocated(By.id("vote:receipt")));

        // the room's screen follows without a reload
        waitFor(head).until(d -> "1".equals(d.findElement(By.id("ballots")).getText().strip()));
        assertTrue(head.findElement(By.id("joinClosesAt")).getText().contains("참여 가능"),
                head.findElement(By.id("joinClosesAt")).getText());

        // once the join window has closed (moved into the past, as three minutes would), a colleague sent the link
        // later is told so on opening it and gets no ballot
        String src = head.findElement(By.id("qr")).getAttribute("src");
        String pollId = src.substring(src.lastIndexOf('/') + 1, src.lastIndexOf(".png"));
        Database.execute("UPDATE poll SET join_closes_at = now() - interval '1 second' WHERE id = ?::uuid",
                java.util.UUID.fromString(pollId));
        WebDriver late = Browser.open(390, 844);
        browsers.add(late);
        late.get(link.getAttribute("href"));
        waitFor(late).until(ExpectedConditions.urlContains("login.xhtml"));
        type(late, "login:id", "it.staff1");
        type(late, "login:password", Api.DEMO_PASSWORD);
        click(late, "login:submit");
        waitFor(late).until(ExpectedConditions.urlContains("vote.xhtml"));
        waitFor(late).until(d -> d.findElement(By.id("vote:messages")).getText().contains("회의 투표는"));
        assertTrue(late.findElements(By.id("vote:review")).isEmpty(), "no ballot for a late joiner");

        // the administrator syncs the org chart and watches it finish
        WebDriver admin = loggedIn("sys.admin");
        admin.get(Browser.SITE + "/admin/directory.xhtml");
        click(admin, "directory:sync");
        new WebDriverWait(admin, Duration.ofSeconds(60)).until(d -> {
            List<WebElement> progress = d.findElements(By.id("progressText"));
            return !progress.isEmpty() && "SUCCEEDED".equals(progress.get(0).getAttribute("data-status"));
        });

        // the auditor reads who opened the meeting poll, and exports the trail
        WebDriver auditor = loggedIn("audit.kim");
        auditor.get(Browser.SITE + "/admin/audit.xhtml");
        type(auditor, "audit:action", "poll.quick-open");
        click(auditor, "audit:search");
        waitFor(auditor).until(d -> d.findElement(By.id("audit:entries")).getText().contains("it.operator"));
        byte[] xlsx = download(auditor, "/admin/download/audit.xlsx", "spreadsheetml");
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            assertTrue(workbook.getSheetAt(0).getPhysicalNumberOfRows() > 1, "the export holds entries");
        }
        // and has the verifier recompute the chain, its checkpoints and the checkpointed tallies
        click(auditor, "audit:verify");
        WebElement verdict = waitFor(auditor).until(ExpectedConditions.presenceOfElementLocated(By.id("audit:verify-intact")));
        assertTrue(verdict.getText().contains("이상 없음"), verdict.getText());
    }

    @Test
    void aClosedPollsPageShowsTheAuditCheckpointTakenAtItsClose() {
        JsonObject poll = Polls.open(Polls.draft("체크포인트 화면", "OPEN", "LIVE", Polls.question("YES_NO", "찬성하십니까?")));
        String pollId = poll.getString("id");
        Polls.close(pollId);
        String display = Api.get("/polls/" + pollId + "/results").json().getJsonObject("checkpoint").getString("display");
        WebDriver operator = loggedIn("it.operator");
        operator.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
        WebElement line = waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.id("checkpoint")));
        assertTrue(line.getText().contains(display), line.getText() + " / " + display);
    }

    @Test
    void theAuditorReadsHowManyBallotsOfAPollWereQuarantinedAndTheOperatorDoesNot() {
        JsonObject poll = Polls.open(Polls.draft("격리된 투표 확인", "OPEN", "LIVE", Polls.question("YES_NO", "찬성하십니까?")));
        String pollId = poll.getString("id");
        byte[] garbage = new byte[80];
        new java.security.SecureRandom().nextBytes(garbage); // a sealed row altered in storage
        Database.execute("INSERT INTO ballot_inbox (id, poll_id, receipt_key, sealed_ballot) VALUES (?::uuid, ?::uuid, ?, ?)",
                java.util.UUID.randomUUID().toString(), pollId, new byte[32], garbage);
        Database.awaitMixed(pollId);

        WebDriver auditor = loggedIn("audit.kim");
        auditor.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
        WebElement line = waitFor(auditor).until(ExpectedConditions.presenceOfElementLocated(By.id("quarantined")));
        assertTrue(line.getText().contains("1건"), line.getText());

        WebDriver operator = loggedIn("it.operator");
        operator.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
        waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.id("resultsSection")));
        assertTrue(operator.findElements(By.id("quarantined")).isEmpty(), "only administrators and auditors see it");
    }

    @Test
    void anOperatorUploadsAPhoneListAndReadsTheRowReport() throws Exception {
        Directory.ensureSynced();
        JsonObject draft = Polls.createDraft(Polls.draft("명단 올리기 화면", "LISTED", "LIVE", Polls.question("YES_NO", "찬성?")));
        String pollId = draft.getString("id");
        // a number of this run only: the per-number daily limit must not refuse its invitation when the suite
        // runs again the same day
        String phone = Citizens.newPhone(); // +8210XXXXXXXX
        String compact = "0" + phone.substring(3); // 010XXXXXXXX
        String dashed = compact.substring(0, 3) + "-" + compact.substring(3, 7) + "-" + compact.substring(7);
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("phones", ".csv");
        java.nio.file.Files.writeString(csv, "전화번호\n" + dashed + "\n02-123-4567\n" + compact + "\n");
        WebDriver operator = loggedIn("it.operator");
        operator.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
        waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.id("listed:file")))
                .sendKeys(csv.toAbsolutePath().toString());
        click(operator, "listed:upload");
        waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.id("import-rows")));
        assertEquals("3", operator.findElement(By.id("import-rows")).getText().strip());
        assertEquals("1", operator.findElement(By.id("import-listed")).getText().strip());
        String problems = operator.findElement(By.id("import-problems")).getText();
        assertTrue(problems.contains("3: 02-123-4567") && problems.contains("4: " + compact), problems);
        java.nio.file.Files.delete(csv);

        // the poll opens (the operator submits, the head approves); after a reload the invitations panel shows the list
        Polls.publish(draft);
        operator.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
        waitFor(operator).until(d -> "OPEN".equals(d.findElement(By.id("pollStatus")).getAttribute("data-status")));
        assertEquals("1", count(operator, "invite-listed"));
        assertEquals("1", count(operator, "invite-not-invited"));
        assertEquals("0", count(operator, "invite-sent"));

        // the operator sends; the panel follows the invitation without a reload until none is queued
        click(operator, "invitations:send");
        waitFor(operator).until(d -> messages(d).contains("초대 문자 1건"));
        waitFor(operator, Duration.ofSeconds(60)).until(d ->
                "1".equals(count(d, "invite-sent")) && "0".equals(count(d, "invite-queued")));
        assertEquals("0", count(operator, "invite-failed"));
        assertEquals("0", count(operator, "invite-not-invited"));
        waitFor(operator).until(d -> d.findElements(By.cssSelector("#listed-numbers td[data-state='SENT']")).size() == 1);

        // the table shows the number masked, and no form of the full number is anywhere in the page
        String table = operator.findElement(By.id("listed-numbers")).getText();
        String last4 = compact.substring(7);
        assertTrue(table.contains("010-****-" + last4), table);
        String source = operator.getPageSource();
        for (String full : List.of(phone, compact, dashed, phone.substring(5), compact.substring(3, 7) + "-" + last4)) {
            assertFalse(source.contains(full), "the page shows a full number: " + full);
        }

        // the local SMS adapter received the invitation, with the poll's short link
        String code = Api.get("/admin/polls/" + pollId, "Authorization", Api.OPERATOR).json().getString("shortCode");
        assertEquals(1, Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ? AND body LIKE ?",
                phone, "%/p/" + code + "%"));

        // sending again reaches nobody: the number was invited and its invitation did not fail
        click(operator, "invitations:send");
        waitFor(operator).until(d -> messages(d).contains("보낼 번호가 없습니다"));
        assertEquals("1", count(operator, "invite-sent"));
        assertEquals(1, Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ?", phone));
    }

    @Test
    void aModeratorPublishesAHeldPollRemovesAnotherWithAReasonAndExtendsAWordList() {
        Directory.ensureSynced();

        // a citizen proposes two polls that screening holds: one political, one commercial (in this order)
        String proposer = Citizens.signIn(Citizens.newPhone());
        String heldId = heldCitizenPoll(proposer, "구청장 선거 누구 뽑을까요", "가", "나");
        String advertId = heldCitizenPoll(proposer, "할인 쿠폰 드려요", "받기", "안 받기");

        // the moderator finds the queue in the menu; the older case comes first, what screening found is marked
        WebDriver moderator = loggedIn("mod.park");
        waitFor(moderator).until(ExpectedConditions.elementToBeClickable(By.id("menuModeration"))).click();
        waitFor(moderator).until(ExpectedConditions.urlContains("moderation.xhtml"));
        WebElement held = waitFor(moderator).until(ExpectedConditions.presenceOfElementLocated(By.id("case-" + heldId)));
        List<String> order = moderator.findElements(By.cssSelector("article.moderation-case")).stream()
                .map(e -> e.getAttribute("data-poll")).toList();
        assertTrue(order.contains(advertId) && order.indexOf(heldId) < order.indexOf(advertId), "oldest first: " + order);
        assertEquals("HELD", held.getAttribute("data-state"));
        List<WebElement> marks = held.findElements(By.cssSelector("mark.finding"));
        assertTrue(marks.stream().anyMatch(m -> m.getText().contains("선거")
                && "POLITICAL".equals(m.getAttribute("data-category"))), "the political word is marked");
        assertTrue(held.findElement(By.cssSelector("table.findings")).getText().contains("선거"));
        WebElement advert = moderator.findElement(By.id("case-" + advertId));
        assertTrue(advert.findElements(By.cssSelector("mark.finding")).stream()
                .anyMatch(m -> "COMMERCIAL".equals(m.getAttribute("data-category"))), "the commercial word is marked");

        // 공개: the held poll opens and leaves the queue; the citizens' directory lists it
        waitFor(moderator).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#case-" + heldId + " button.restore"))).click();
        waitFor(moderator).until(d -> messages(d).contains("공개했습니다") && d.findElements(By.id("case-" + heldId)).isEmpty());
        List<String> listed = Api.get("/citizen-polls?size=100").json().getJsonArray("items").stream()
                .map(p -> p.asJsonObject().getString("id")).toList();
        assertTrue(listed.contains(heldId), "published: listed for citizens");

        // 삭제 with a reason, after the confirmation; the proposer reads the reason
        String reason = "상업적 홍보는 올릴 수 없습니다.";
        WebElement reasonField = waitFor(moderator).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#case-" + advertId + " textarea.remove-reason")));
        reasonField.clear();
        reasonField.sendKeys(reason);
        moderator.findElement(By.cssSelector("#case-" + advertId + " button.remove")).click();
        click(moderator, "confirm:yes");
        waitFor(moderator).until(d -> messages(d).contains("삭제했습니다") && d.findElements(By.id("case-" + advertId)).isEmpty());
        JsonObject mine = Api.get("/citizen-polls/mine", "Authorization", "Bearer " + proposer).jsonArray().stream()
                .map(v -> v.asJsonObject()).filter(p -> p.getString("id").equals(advertId)).findFirst().orElseThrow();
        assertEquals("REMOVED", mine.getString("status"));
        assertEquals(reason, mine.getString("removalReason"), "the proposer sees why");

        // a word added to the abusive list is listed under it (then taken out again, with its own button)
        String word = "꽥꽥" + Long.toString(System.nanoTime() % 100000, 36);
        new Select(waitFor(moderator).until(ExpectedConditions.presenceOfElementLocated(By.id("word-category"))))
                .selectByValue("ABUSIVE");
        type(moderator, "word-text", word);
        click(moderator, "word-add");
        By added = By.cssSelector("#words-ABUSIVE li[data-word='" + word + "']");
        WebElement entry = waitFor(moderator).until(ExpectedConditions.presenceOfElementLocated(added));
        assertTrue(entry.getText().contains(word), entry.getText());
        assertTrue(messages(moderator).contains(word), messages(moderator));
        waitFor(moderator).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("#words-ABUSIVE li[data-word='" + word + "'] button.word-remove"))).click();
        waitFor(moderator).until(d -> d.findElements(added).isEmpty());

        // an operator is no moderator: no menu entry, and the page refuses in words and shows no case
        WebDriver operator = loggedIn("it.operator");
        assertTrue(operator.findElements(By.id("menuModeration")).isEmpty(), "no menu entry for an operator");
        operator.get(Browser.SITE + "/admin/moderation.xhtml");
        waitFor(operator).until(d -> messages(d).contains("이 작업에 필요한 역할(권한)이 없습니다"));
        assertTrue(operator.findElements(By.cssSelector("article.moderation-case")).isEmpty());
        assertTrue(operator.findElements(By.id("words")).isEmpty());
        assertTrue(operator.findElements(By.cssSelector("button.restore, button.remove, #word-add")).isEmpty());
    }

    /** A citizen's public poll that screening holds for a moderator; its id. */
    private static String heldCitizenPoll(String citizenToken, String title, String... options) {
        jakarta.json.JsonArrayBuilder labels = jakarta.json.Json.createArrayBuilder();
        for (String option : options) {
            labels.add(option);
        }
        JsonObject draft = jakarta.json.Json.createObjectBuilder().add("title", title)
                .add("closesAt", java.time.Instant.now().plus(Duration.ofDays(1)).toString())
                .add("visibility", "PUBLIC").add("resultsVisibility", "LIVE")
                .add("questions", jakarta.json.Json.createArrayBuilder().add(jakarta.json.Json.createObjectBuilder()
                        .add("type", "SINGLE_CHOICE").add("text", "어느 쪽이 좋을까요?").add("options", labels)))
                .build();
        Api.Reply reply = Api.post("/citizen-polls", draft, "Authorization", "Bearer " + citizenToken);
        assertEquals(201, reply.status(), reply.body());
        assertEquals("PENDING_APPROVAL", reply.json().getString("status"), reply.body());
        return reply.json().getString("id");
    }

    /** The text of a count on the invitations panel; looked up again if the panel's refresh replaced it meanwhile. */
    @Test
    void theDepartmentRecordsAClosedPollsAgendaWithAPdfOnThePollsPage() throws Exception {
        JsonObject poll = Polls.open(Polls.draft("정책 이행 포털 화면", "OPEN", "LIVE", Polls.question("YES_NO", "찬성하십니까?")));
        String pollId = poll.getString("id");
        Polls.close(pollId);
        java.nio.file.Path pdf = java.nio.file.Files.createTempFile("agenda", ".pdf");
        java.nio.file.Files.write(pdf, "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        WebDriver operator = loggedIn("it.operator");
        operator.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
        waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.id("cycle-none")));
        type(operator, "cycleForm:summary", "시의회 정례회 안건으로 상정");
        operator.findElement(By.id("cycleForm:document")).sendKeys(pdf.toAbsolutePath().toString());
        click(operator, "cycleForm:record");
        WebElement step = waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.id("cycle-step-AGENDA")));
        assertTrue(step.getText().contains("시의회 정례회 안건으로 상정"), step.getText());
        assertEquals(java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul")).toString(), step.getAttribute("data-date"));
        assertTrue(messages(operator).contains("문서를 붙였습니다"), messages(operator));
        String link = step.findElement(By.tagName("a")).getAttribute("href");
        assertTrue(link.endsWith("/document"), link);
        assertEquals(1, Database.count("SELECT count(*) FROM policy_document d JOIN policy_step s ON s.id = d.step_id"
                + " WHERE s.poll_id = ?::uuid", pollId));
        java.nio.file.Files.delete(pdf);
    }

    private static String count(WebDriver browser, String id) {
        return waitFor(browser).until(d -> d.findElement(By.id(id)).getText().strip());
    }

    /**
     * The text of the page's message areas. An AJAX update may replace an area between finding it and reading it
     * (ChromeDriver then says "Node with given id does not belong to the document", not a stale element): such a read
     * counts as "nothing yet", so a wait polls again; an assertion outside a wait reads again once.
     */
    private static String messages(WebDriver browser) {
        for (int attempt = 0; ; attempt++) {
            try {
                return browser.findElements(By.cssSelector(".ui-messages")).stream().map(WebElement::getText)
                        .reduce("", (a, b) -> a + " " + b);
            } catch (WebDriverException replaced) {
                if (attempt == 2) {
                    return "";
                }
            }
        }
    }

    /**
     * Issue 20 part 1: axe-core on the portal's pages, in Korean and in English (the header's language links): the
     * login, the dashboard, the poll list, the editor, a poll's page with its results, and the audit trail. (The
     * events console is checked in EventBrowserIT, with an event running.)
     */
    @Test
    void thePortalsPagesPassAxeInKoreanAndEnglish() {
        String pollId = Polls.open(Polls.draft("포털 접근성 점검", "OPEN", "LIVE", Polls.question("YES_NO", "찬성하십니까?")))
                .getString("id");
        Polls.close(pollId);
        WebDriver login = Browser.open(1280, 1000);
        browsers.add(login);
        login.get(Browser.SITE + "/admin/");
        waitFor(login).until(ExpectedConditions.urlContains("login.xhtml"));
        for (String language : List.of("ko", "en")) {
            portalLanguage(login, language);
            Accessibility.check(login, "portal login");
        }
        WebDriver operator = loggedIn("it.operator");
        WebDriver auditor = loggedIn("audit.kim");
        for (String language : List.of("ko", "en")) {
            operator.get(Browser.SITE + "/admin/");
            portalLanguage(operator, language);
            Accessibility.check(operator, "portal dashboard");
            operator.get(Browser.SITE + "/admin/polls/list.xhtml");
            waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.tagName("table")));
            Accessibility.check(operator, "portal poll list");
            operator.get(Browser.SITE + "/admin/polls/edit.xhtml");
            waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.id("edit:title")));
            Accessibility.check(operator, "portal poll editor");
            operator.get(Browser.SITE + "/admin/polls/view.xhtml?id=" + pollId);
            waitFor(operator).until(ExpectedConditions.presenceOfElementLocated(By.id("checkpoint")));
            Accessibility.check(operator, "portal poll view (closed, results)");
            auditor.get(Browser.SITE + "/admin/audit.xhtml");
            portalLanguage(auditor, language);
            Accessibility.check(auditor, "portal audit trail");
        }
    }

    /** Switches the portal's language with the header's link, when it is not in it already. */
    private static void portalLanguage(WebDriver browser, String language) {
        if (!language.equals(browser.findElement(By.tagName("html")).getDomAttribute("lang"))) {
            click(browser, "lang:" + language);
            waitFor(browser).until(d -> language.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        }
    }

    private WebDriver loggedIn(String staffId) {
        WebDriver browser = Browser.open(1280, 1000);
        browsers.add(browser);
        browser.get(Browser.SITE + "/admin/");
        waitFor(browser).until(ExpectedConditions.urlContains("login.xhtml"));
        type(browser, "login:id", staffId);
        type(browser, "login:password", Api.DEMO_PASSWORD);
        click(browser, "login:submit");
        waitFor(browser).until(d -> !d.getCurrentUrl().contains("login.xhtml"));
        assertTrue(browser.findElement(By.id("me")).getText().length() > 0, "the header names who is logged in");
        return browser;
    }

    private static void question(WebDriver browser, int index, String type, String text, String options) {
        new Select(browser.findElement(By.id("edit:questions:" + index + ":type"))).selectByValue(type);
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("edit:questions:" + index + ":text")));
        pause(400); // the type change re-renders the questions
        type(browser, "edit:questions:" + index + ":text", text);
        if (options != null) {
            type(browser, "edit:questions:" + index + ":options", options);
        }
    }

    private static void type(WebDriver browser, String id, String text) {
        WebElement field = waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id(id)));
        field.clear();
        field.sendKeys(text);
    }

    private static void click(WebDriver browser, String id) {
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return waitFor(browser, Duration.ofSeconds(20));
    }

    private static WebDriverWait waitFor(WebDriver browser, Duration patience) {
        WebDriverWait wait = new WebDriverWait(browser, patience) {
            @Override
            protected RuntimeException timeoutException(String message, Throwable lastException) {
                // say what the page said (its messages), not only that a condition never came true
                String messages = browser.findElements(By.cssSelector(".ui-messages, .ui-message, .ui-growl")).stream()
                        .map(WebElement::getText).filter(t -> !t.isBlank()).reduce((a, b) -> a + " | " + b).orElse("-");
                return new org.openqa.selenium.TimeoutException(message + "\npage " + browser.getCurrentUrl()
                        + " says: " + messages, lastException);
            }
        };
        // ajax re-renders replace elements while a condition looks at them: look again
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    private static String parameter(String url, String name) {
        for (String pair : URI.create(url).getQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + url);
    }

    private static byte[] download(WebDriver browser, String path, String contentType) throws Exception {
        Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(Browser.SITE + path))
                .header("Cookie", "JSESSIONID=" + session.getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").contains(contentType));
        return response.body();
    }

    /** The first numeric cell to the right of a cell holding exactly {@code label}, in any sheet. */
    private static double numberBeside(Workbook workbook, String label) {
        for (Sheet sheet : workbook) {
            for (Row row : sheet) {
                for (Cell cell : row) {
                    if (cell.getCellType() == CellType.STRING && label.equals(cell.getStringCellValue())) {
                        for (int c = cell.getColumnIndex() + 1; c < row.getLastCellNum(); c++) {
                            Cell next = row.getCell(c);
                            if (next != null && next.getCellType() == CellType.NUMERIC) {
                                return next.getNumericCellValue();
                            }
                        }
                    }
                }
            }
        }
        throw new AssertionError("no row for " + label);
    }

    private static void pause(long millis) {
        Citizens.sleep(millis);
    }
}
