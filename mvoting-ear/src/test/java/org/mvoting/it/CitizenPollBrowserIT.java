package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mvoting.it.PhoneScreens.click;
import static org.mvoting.it.PhoneScreens.signIn;
import static org.mvoting.it.PhoneScreens.type;
import static org.mvoting.it.PhoneScreens.waitFor;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Citizens ask citizens on phone-sized headless Chromium: a citizen makes a password-protected poll with the
 * mobile form and reads its share link; a second citizen opens the link, signs in and votes with the password; a
 * third is stopped without the password and refused with a wrong one, keeping their choice; the maker closes the
 * poll from "my polls". Exactly one ballot is recorded. And the maker of an invite-only poll manages its people from
 * "my polls": adds a number through the page, sends the invitations and watches each masked number reach SENT.
 * Each browser signs in with its own phone (a number may ask for one code a minute).
 */
@ExtendWith(ArquillianExtension.class)
class CitizenPollBrowserIT {

    private final List<WebDriver> phones = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @AfterEach
    void close() {
        Browser.closeAll(phones);
    }

    @Test
    void aPasswordPollMadeOnThePhoneTakesOneBallotFromTheLinkAndItsMakerClosesIt() {
        String password = "봄꽃 축제2027"; // Korean and a space: travels percent-encoded in X-Poll-Password

        // A makes the poll: the form asks for a sign-in first and comes back to it
        WebDriver maker = phone();
        maker.get(Browser.SITE + "/m/#/citizen-polls/new");
        waitFor(maker).until(ExpectedConditions.urlContains("#/login?next=/citizen-polls/new"));
        signIn(maker, Citizens.newPhone());
        waitFor(maker).until(ExpectedConditions.urlContains("#/citizen-polls/new"));
        type(maker, "cp-title", "아파트 놀이터 바닥 보수");
        click(maker, "cp-visibility-PASSWORD");
        type(maker, "cp-password", password);
        new Select(waitFor(maker).until(ExpectedConditions.elementToBeClickable(By.id("cp-duration")))).selectByValue("60");
        new Select(maker.findElement(By.id("cp-results"))).selectByValue("LIVE");
        new Select(maker.findElement(By.id("cp-q1-type"))).selectByValue("SINGLE_CHOICE");
        type(maker, "cp-q1-text", "바닥을 고무 매트로 바꿀까요?");
        type(maker, "cp-q1-options", "찬성\n반대");
        click(maker, "cp-submit");
        waitFor(maker).until(ExpectedConditions.urlMatches("#/citizen-polls/[0-9a-f-]{36}/created$"));
        String pollId = maker.getCurrentUrl().replaceAll("^.*#/citizen-polls/([0-9a-f-]{36})/created$", "$1");
        assertEquals("OPEN", waitFor(maker).until(ExpectedConditions.presenceOfElementLocated(By.id("cp-status")))
                .getAttribute("data-status"));
        String share = maker.findElement(By.id("cp-share-link")).getAttribute("href");
        String shortCode = (String) Database.rows("SELECT short_code FROM poll WHERE id = ?::uuid", pollId).get(0).get(0);
        assertEquals(Browser.SITE + "/p/" + shortCode, share);
        assertEquals(share, maker.findElement(By.id("cp-share-link")).getText().strip());
        assertFalse(maker.findElements(By.cssSelector("#cp-qr svg")).isEmpty(), "a QR code of the link");
        // drawn by m/qr.js in the page: photographed and read back as a phone would, it opens the same link
        assertEquals(share, QrCodes.read(maker.findElement(By.cssSelector("#cp-qr svg"))), "the share QR code's link");
        assertEquals(1, Database.count("SELECT count(*) FROM poll WHERE id = ?::uuid AND kind = 'CITIZEN_TO_CITIZEN'"
                + " AND audience_type = 'PASSWORD' AND status = 'OPEN'", pollId));
        assertEquals(1, Database.count("SELECT count(*) FROM poll_password WHERE poll_id = ?::uuid", pollId));

        // B opens the link, signs in, votes with the password and gets a receipt
        WebDriver voter = phone();
        voter.get(share);
        waitFor(voter).until(ExpectedConditions.urlContains("#/polls/" + pollId));
        waitFor(voter).until(ExpectedConditions.presenceOfElementLocated(By.id("poll-password-notice")));
        assertTrue(voter.findElement(By.id("report-button")).isDisplayed(), "a citizen's poll can be reported");
        click(voter, "vote-button");
        signIn(voter, Citizens.newPhone());
        waitFor(voter).until(ExpectedConditions.urlContains("#/polls/" + pollId));
        click(voter, "vote-button");
        click(voter, "q1-o1");
        type(voter, "poll-password", password);
        click(voter, "review");
        click(voter, "confirm-cast");
        String receipt = waitFor(voter).until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-code")))
                .getText().strip();
        assertFalse(receipt.isBlank());
        assertEquals(1, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId));

        // C: without the password the page stops the ballot; with a wrong one the server refuses it, in its words,
        // and C stays on the ballot with the choice kept
        WebDriver guesser = phone();
        guesser.get(share);
        waitFor(guesser).until(ExpectedConditions.urlContains("#/polls/" + pollId));
        click(guesser, "vote-button");
        signIn(guesser, Citizens.newPhone());
        waitFor(guesser).until(ExpectedConditions.urlContains("#/polls/" + pollId));
        click(guesser, "vote-button");
        click(guesser, "q1-o2");
        click(guesser, "review");
        waitFor(guesser).until(ExpectedConditions.visibilityOfElementLocated(By.id("poll-password-error")));
        waitFor(guesser).until(d -> d.findElement(By.id("message")).getText().contains("투표 비밀번호를 입력해 주세요"));
        assertFalse(guesser.findElement(By.id("confirmation")).isDisplayed(), "no confirmation without the password");
        type(guesser, "poll-password", "틀린 비밀번호");
        click(guesser, "review");
        click(guesser, "confirm-cast");
        waitFor(guesser).until(d -> d.findElement(By.id("message")).getText().contains("비밀번호를 다시 확인해 주세요"));
        waitFor(guesser).until(ExpectedConditions.visibilityOfElementLocated(By.id("ballot-form")));
        assertTrue(guesser.findElement(By.id("poll-password-error")).getText().contains("비밀번호를 다시 확인해 주세요"));
        assertTrue(guesser.findElement(By.id("q1-o2")).isSelected(), "the choice is kept for another try");
        assertTrue(guesser.findElements(By.id("receipt-code")).isEmpty());
        assertEquals(1, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId));

        // A closes the poll from "my polls", after confirming
        maker.get(Browser.SITE + "/m/#/me/polls");
        waitFor(maker).until(ExpectedConditions.presenceOfElementLocated(By.id("my-poll-" + pollId)));
        assertEquals(share, maker.findElement(By.id("share-link-" + pollId)).getAttribute("href"));
        click(maker, "close-poll-" + pollId);
        click(maker, "confirm-close-" + pollId);
        waitFor(maker).until(d -> "CLOSED".equals(d.findElement(By.id("my-poll-status-" + pollId)).getAttribute("data-status")));
        assertTrue(maker.findElements(By.id("close-poll-" + pollId)).isEmpty(), "nothing left to close");
        assertEquals(1, Database.count("SELECT count(*) FROM poll WHERE id = ?::uuid AND status = 'CLOSED'", pollId));

        assertEquals(1, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId));
        assertEquals(1, Database.recordedBallots(pollId), "exactly one ballot: B's");

        // the closed poll's results carry the summary: its code, the PDF, and the public check page confirms the code
        maker.get(Browser.SITE + "/m/#/polls/" + pollId + "/results");
        String code = waitFor(maker).until(ExpectedConditions.visibilityOfElementLocated(By.id("summary-code"))).getText().strip();
        assertTrue(code.matches("[A-Z2-7]{4}(-[A-Z2-7]{4}){3}"), code);
        byte[] pdf = download(maker.findElement(By.id("summary-pdf")).getAttribute("href"));
        assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));
        click(maker, "summary-check");
        waitFor(maker).until(ExpectedConditions.visibilityOfElementLocated(By.id("check-verdict")));
        assertEquals("true", maker.findElement(By.id("check-result")).getAttribute("data-valid"));
        assertEquals("true", maker.findElement(By.id("check-result")).getAttribute("data-matches"));
        assertEquals(code, maker.findElement(By.id("check-summary-code")).getText().strip());
        assertEquals("1", maker.findElement(By.id("check-participants")).getText().strip());

        // someone types a code from an altered summary: not found, in words
        maker.get(Browser.SITE + "/m/check.html");
        type(maker, "check-code", code.substring(0, code.length() - 1) + (code.endsWith("A") ? "B" : "A"));
        click(maker, "check-submit");
        waitFor(maker).until(d -> d.findElement(By.id("message")).getText().contains("결과 요약서가 없습니다"));
    }

    private static byte[] download(String url) {
        try {
            java.net.http.HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), url);
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theMakerOfAnInviteOnlyPollAddsPeopleAndSendsTheInvitationsFromMyPolls() {
        String first = Citizens.newPhone();  // +8210xxxxxxxx: typed in the form the domestic way
        String second = Citizens.newPhone(); // added later on the invitees page, the international way with spaces
        String title = "동호회 가을 모임 장소";

        // A makes an invite-only poll with one number
        WebDriver maker = phone();
        maker.get(Browser.SITE + "/m/#/citizen-polls/new");
        waitFor(maker).until(ExpectedConditions.urlContains("#/login?next=/citizen-polls/new"));
        signIn(maker, Citizens.newPhone());
        waitFor(maker).until(ExpectedConditions.urlContains("#/citizen-polls/new"));
        type(maker, "cp-title", title);
        click(maker, "cp-visibility-INVITE_ONLY");
        type(maker, "cp-invitees", domestic(first));
        new Select(waitFor(maker).until(ExpectedConditions.elementToBeClickable(By.id("cp-q1-type")))).selectByValue("SINGLE_CHOICE");
        type(maker, "cp-q1-text", "어디에서 모일까요?");
        type(maker, "cp-q1-options", "공원\n카페");
        click(maker, "cp-submit");
        waitFor(maker).until(ExpectedConditions.urlMatches("#/citizen-polls/[0-9a-f-]{36}/created$"));
        String pollId = maker.getCurrentUrl().replaceAll("^.*#/citizen-polls/([0-9a-f-]{36})/created$", "$1");
        assertEquals("OPEN", waitFor(maker).until(ExpectedConditions.presenceOfElementLocated(By.id("cp-status")))
                .getAttribute("data-status"));
        assertEquals(1, Database.count("SELECT count(*) FROM poll WHERE id = ?::uuid AND kind = 'CITIZEN_TO_CITIZEN'"
                + " AND audience_type = 'LISTED' AND status = 'OPEN'", pollId));
        assertEquals(1, Database.count("SELECT count(*) FROM poll_listed_voter WHERE poll_id = ?::uuid", pollId));

        // from "my polls" to the poll's people: one number, not invited yet
        maker.get(Browser.SITE + "/m/#/me/polls");
        click(maker, "manage-invitees-" + pollId);
        waitFor(maker).until(ExpectedConditions.urlContains("#/me/polls/" + pollId + "/invitees"));
        waitFor(maker).until(ExpectedConditions.textToBe(By.id("inv-listed"), "1"));
        assertTrue(maker.findElement(By.tagName("h1")).getText().contains(title));
        assertEquals("1", maker.findElement(By.id("inv-not-invited")).getText().strip());
        assertEquals("NOT_INVITED", maker.findElement(By.id("invitee-1")).getAttribute("data-state"));
        assertTrue(maker.findElement(By.id("invitee-1")).getText().contains(masked(first)), "the number, masked");

        // A adds the second number (and the first again, which stays once)
        type(maker, "invitee-numbers", international(second) + "\n" + domestic(first));
        click(maker, "invitee-add");
        waitFor(maker).until(ExpectedConditions.textToBe(By.id("inv-listed"), "2"));
        waitFor(maker).until(d -> d.findElement(By.id("message")).getText().contains("번호 1개를 더했습니다"));
        assertEquals("", maker.findElement(By.id("invitee-numbers")).getAttribute("value"), "what was added leaves the box");
        assertEquals(2, Database.count("SELECT count(*) FROM poll_listed_voter WHERE poll_id = ?::uuid", pollId));

        // A sends the invitations; the page follows them until both are sent
        click(maker, "send-invitations");
        new WebDriverWait(maker, Duration.ofSeconds(40)).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    List<org.openqa.selenium.WebElement> items = d.findElements(By.cssSelector("#invitee-list > li"));
                    return items.size() == 2 && items.stream().allMatch(i -> "SENT".equals(i.getAttribute("data-state")));
                });
        waitFor(maker).until(ExpectedConditions.textToBe(By.id("inv-sent"), "2"));
        assertEquals("0", maker.findElement(By.id("inv-queued")).getText().strip());
        assertEquals("0", maker.findElement(By.id("inv-not-invited")).getText().strip());
        assertEquals("0", maker.findElement(By.id("inv-failed")).getText().strip());

        // each number got one SMS, with the poll's link and an opt-out link (stored with the delivery)
        String shortCode = (String) Database.rows("SELECT short_code FROM poll WHERE id = ?::uuid", pollId).get(0).get(0);
        for (String number : List.of(first, second)) {
            assertEquals(1, Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ? AND body LIKE '%opt-out%'",
                    number), "one invitation with an opt-out link to " + masked(number));
            assertEquals(1, Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ? AND body LIKE ?",
                    number, "%/p/" + shortCode + "%"), "the poll's link to " + masked(number));
        }

        // the page only ever shows the numbers masked
        String source = maker.getPageSource();
        for (String number : List.of(first, second)) {
            assertTrue(source.contains(masked(number)), "the masked number is listed");
            for (String whole : List.of(number, number.substring(3), "0" + number.substring(3), domestic(number),
                    international(number), number.substring(5, 9) + "-" + number.substring(9))) {
                assertFalse(source.contains(whole), "a whole number in the page: " + masked(number));
            }
        }
    }

    /** +821012345678 as 010-1234-5678. */
    private static String domestic(String e164) {
        return "0" + e164.substring(3, 5) + "-" + e164.substring(5, 9) + "-" + e164.substring(9);
    }

    /** +821012345678 as +82 10 1234 5678. */
    private static String international(String e164) {
        return "+82 " + e164.substring(3, 5) + " " + e164.substring(5, 9) + " " + e164.substring(9);
    }

    /** As the server shows it (PhoneNumber.masked): 010-****-5678. */
    private static String masked(String e164) {
        return "0" + e164.substring(3, 5) + "-****-" + e164.substring(9);
    }

    @Test
    void aPrintedCardsLinkOpensTheJoinPageAndTwoPhonesWithOneCardAreOneParticipant() {
        Directory.ensureSynced();
        String operator = Api.basic("event.lee");
        JsonObject event = Api.post("/admin/events", Json.createObjectBuilder().add("title", "원탁회의 입장 시험")
                .add("startsAt", java.time.Instant.now().plus(java.time.Duration.ofDays(1)).toString())
                .add("venue", "시청 대회의실").add("rehearsal", true).build(), "Authorization", operator).json();
        String code = Api.post("/admin/events/" + event.getString("id") + "/tokens?count=1", null, "Authorization", operator)
                .json().getJsonArray("codes").getString(0);
        String cardLink = Browser.SITE + "/m/#/events/" + event.getString("joinCode") + "?token=" + code;

        WebDriver first = phone();
        first.get(cardLink);
        assertEquals(code, waitFor(first).until(ExpectedConditions.visibilityOfElementLocated(By.id("event-token")))
                .getAttribute("value"), "the card's QR fills the code in");
        click(first, "event-join-token");
        String participant = waitFor(first).until(ExpectedConditions.visibilityOfElementLocated(By.id("event-joined")))
                .getAttribute("data-participant");

        // a wrong code first: once joined, the page becomes the live screen and the form is gone
        WebDriver second = phone();
        second.get(Browser.SITE + "/m/#/events/" + event.getString("joinCode"));
        type(second, "event-token", "AAAAA-AAAAA");
        click(second, "event-join-token");
        waitFor(second).until(d -> d.findElement(By.id("message")).getText().contains("비밀 코드"));

        type(second, "event-token", code.toLowerCase().replace("-", " "));
        click(second, "event-join-token");
        assertEquals(participant, waitFor(second).until(ExpectedConditions.visibilityOfElementLocated(By.id("event-joined")))
                .getAttribute("data-participant"), "one card, one participant, whichever phone");
        assertEquals(1, Database.count("SELECT count(*) FROM event_participant WHERE event_id = ?::uuid", event.getString("id")));
    }

    private WebDriver phone() {
        WebDriver browser = Browser.open(360, 740);
        phones.add(browser);
        return browser;
    }
}
