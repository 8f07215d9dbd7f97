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
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The citizen mobile web on a phone-sized headless Chromium: the city-hall QR code lands on the featured poll,
 * the citizen signs up with the code the local SMS adapter kept, votes with a confirmation step, sees the receipt
 * counted and the results; the same phone on another device is refused a second vote. From the same code a citizen
 * finds "join the panel", gives consent and leaves the panel again.
 */
@ExtendWith(ArquillianExtension.class)
class MobileBrowserIT {

    private final List<WebDriver> phones = new ArrayList<>();

    @ArquillianResource
    private ManagementClient management;

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Deployments.ear();
    }

    @AfterEach
    void close() {
        Browser.closeAll(phones);
    }

    @Test
    void fromTheCityHallQrCodeToAReceiptAndResultsAndNoSecondVoteFromAnotherDevice() {
        JsonObject poll = Polls.open(Polls.draft("시청 앞 광장 분수, 여름에 켤까요?", "OPEN", "LIVE",
                Polls.question("SINGLE_CHOICE", "언제 켤까요?", "오전", "오후", "저녁")));
        String pollId = poll.getString("id");
        assertEquals(204, Api.put("/admin/featured-poll", Json.createObjectBuilder().add("pollId", pollId).build(),
                "Authorization", Api.MAYOR_OFFICE).status());
        String phone = Citizens.newPhone();
        // a department has also listed this phone in a LISTED poll: it shows on the home page once signed in
        JsonObject listed = Polls.createDraft(Polls.draft("주민 간담회 참석 조사", "LISTED", "LIVE", Polls.question("YES_NO", "참석합니까?")));
        assertEquals(200, Api.put("/admin/polls/" + listed.getString("id") + "/listed-voters", Json.createObjectBuilder()
                .add("phones", Json.createArrayBuilder().add(phone)).build(), "Authorization", Api.OPERATOR).status());
        Polls.publish(listed);

        WebDriver first = phone();
        first.get(Browser.SITE + "/q/city-hall");
        waitFor(first).until(ExpectedConditions.urlContains("#/polls/" + pollId));
        click(first, "vote-button");
        signIn(first, phone);
        waitFor(first).until(ExpectedConditions.urlContains("#/polls/" + pollId));
        click(first, "vote-button");
        click(first, "q1-o2");
        click(first, "review");
        click(first, "confirm-cast");
        String receipt = waitFor(first).until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-code"))).getText().strip();
        assertFalse(receipt.isBlank());
        click(first, "check-receipt");
        // no data-status until the check has answered: null is "not yet" (Set.of(...).contains(null) would throw)
        waitFor(first).until(d -> Set.of("PENDING", "COUNTED").contains(
                String.valueOf(d.findElement(By.id("receipt-status")).getAttribute("data-status"))));
        click(first, "results-link");
        waitFor(first).until(d -> {
            if (d.findElements(By.id("result-q1-o2")).isEmpty()
                    || !"1".equals(d.findElement(By.id("result-q1-o2")).getAttribute("data-votes"))) {
                d.navigate().refresh(); // the mixer folds ballots in within a second or two
                return false;
            }
            return true;
        });
        assertEquals("0", first.findElement(By.id("result-q1-o1")).getAttribute("data-votes"));

        // the same phone on another device (a new browser): signs in again, and cannot vote twice
        WebDriver second = phone();
        second.get(Browser.SITE + "/m/#/polls/" + pollId);
        click(second, "vote-button");
        Citizens.sleep(Duration.ofSeconds(61).toMillis()); // a number may ask for one code a minute
        signIn(second, phone);
        waitFor(second).until(ExpectedConditions.urlContains("#/polls/" + pollId));
        click(second, "vote-button");
        click(second, "q1-o3");
        click(second, "review");
        click(second, "confirm-cast");
        waitFor(second).until(d -> d.findElement(By.id("message")).getText().contains("한 번만 투표할 수 있습니다"));
        assertTrue(second.findElements(By.id("receipt-code")).isEmpty());
        assertEquals(1, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId));

        // home: the LISTED poll waits for me among "polls I am invited to"
        second.get(Browser.SITE + "/m/#/");
        waitFor(second).until(ExpectedConditions.presenceOfElementLocated(By.id("invited-link-" + listed.getString("id"))));
        assertTrue(second.findElement(By.id("invited-heading")).isDisplayed());

        // my history shows the poll; my panel profile is kept only with consent and goes when I withdraw it
        second.get(Browser.SITE + "/m/#/me/history");
        waitFor(second).until(ExpectedConditions.presenceOfElementLocated(By.id("history-item-" + pollId)));
        long profiles = Database.count("SELECT count(*) FROM citizen_profile"); // other tests' panel members stay
        long mapo1990 = Database.count("SELECT count(*) FROM citizen_profile WHERE district = 'MAPO' AND birth_year = 1990");
        second.get(Browser.SITE + "/m/#/me/profile");
        waitFor(second).until(ExpectedConditions.presenceOfElementLocated(By.id("profile-form")));
        click(second, "gender-UNDISCLOSED");
        new org.openqa.selenium.support.ui.Select(second.findElement(By.id("district"))).selectByValue("MAPO");
        type(second, "birth-year", "1990");
        click(second, "save-profile"); // consent not ticked: the page stops it
        assertEquals(profiles, Database.count("SELECT count(*) FROM citizen_profile"));
        click(second, "consent");
        click(second, "save-profile");
        waitFor(second).until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-summary")));
        assertEquals(mapo1990 + 1, Database.count("SELECT count(*) FROM citizen_profile WHERE district = 'MAPO' AND birth_year = 1990"));
        click(second, "withdraw-profile");
        click(second, "confirm-withdraw");
        waitFor(second).until(d -> Database.count("SELECT count(*) FROM citizen_profile") == profiles);
    }

    @Test
    void aDeviceLevelPollTakesOneVoteFromThisBrowserWithoutSignIn() {
        JsonObject poll = Polls.open(Polls.draft("로비 안내 만족도", "OPEN", "LIVE",
                Polls.question("SINGLE_CHOICE", "안내는 어땠습니까?", "좋음", "보통", "나쁨")).add("minimumAssurance", "DEVICE"));
        String pollId = poll.getString("id");
        WebDriver browser = phone();
        browser.get(Browser.SITE + "/m/#/polls/" + pollId);
        waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("vote-login-hint"), "이 기기로 한 번"));
        click(browser, "vote-button");
        click(browser, "q1-o1");
        click(browser, "review");
        click(browser, "confirm-cast");
        String receipt = waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-code"))).getText();
        assertFalse(receipt.isBlank());
        assertEquals(1, Database.count("SELECT count(*) FROM device_participation WHERE poll_id = ?::uuid", pollId));

        // the same browser (its device cookie) cannot vote again, and is told why
        browser.get(Browser.SITE + "/m/#/polls/" + pollId + "/vote");
        click(browser, "q1-o3");
        click(browser, "review");
        click(browser, "confirm-cast");
        waitFor(browser).until(d -> d.findElement(By.id("message")).getText().contains("기기 한 대에서 한 번만"));
        assertEquals(1, Database.recordedBallots(pollId));
    }

    @Test
    void fromTheCityHallQrCodeACitizenFindsJoinThePanelGivesConsentAndLeavesAgain() {
        assertEquals(204, Api.send("DELETE", "/admin/featured-poll", null, "Authorization", Api.MAYOR_OFFICE).status());
        long before = Database.count("SELECT count(*) FROM citizen_profile");
        WebDriver browser = phone();
        // nothing featured: the code opens the sign-up, which offers joining the panel
        browser.get(Browser.SITE + "/q/city-hall");
        waitFor(browser).until(ExpectedConditions.urlContains("#/login?from=city-hall"));
        assertTrue(waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("join-panel-link")))
                .getText().contains("패널 가입"));
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth <= document.documentElement.clientWidth"),
                "nothing wider than the phone's screen");
        click(browser, "join-panel-link");
        waitFor(browser).until(ExpectedConditions.urlContains("#/login?next=/me/profile"));
        waitFor(browser).until(d -> d.findElement(By.id("message")).getText().contains("패널에 가입하려면"));
        String phone = Citizens.newPhone();
        signIn(browser, phone);
        // the consent screen: the form, the consent text, and nothing stored before consent
        waitFor(browser).until(ExpectedConditions.urlContains("#/me/profile"));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-form")));
        assertEquals("패널 가입", browser.findElement(By.id("profile-form-heading")).getText());
        assertTrue(browser.findElement(By.id("consent-text")).getText().contains("표본 투표 초대"));
        click(browser, "gender-FEMALE");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("district"))).selectByValue("DOBONG");
        type(browser, "birth-year", "1980");
        click(browser, "consent");
        click(browser, "save-profile");
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-summary")));
        assertEquals(before + 1, Database.count("SELECT count(*) FROM citizen_profile"));
        assertEquals(1, Database.count("SELECT count(*) FROM citizen_profile WHERE district = 'DOBONG' AND birth_year = 1980"
                + " AND consent_version = '2026-12'"));

        // a featured poll: the code opens it, and the poll page offers the panel too
        JsonObject poll = Polls.open(Polls.draft("시청 광장 벤치를 늘릴까요?", "OPEN", "LIVE", Polls.question("YES_NO", "늘릴까요?")));
        assertEquals(204, Api.put("/admin/featured-poll", Json.createObjectBuilder().add("pollId", poll.getString("id")).build(),
                "Authorization", Api.MAYOR_OFFICE).status());
        browser.get(Browser.SITE + "/q/city-hall");
        waitFor(browser).until(ExpectedConditions.urlContains("#/polls/" + poll.getString("id") + "?from=city-hall"));
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("join-panel-link")));
        click(browser, "join-panel-link");

        // leaving the panel deletes the profile at once
        click(browser, "withdraw-profile");
        click(browser, "confirm-withdraw");
        waitFor(browser).until(d -> Database.count("SELECT count(*) FROM citizen_profile") == before);
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("profile-empty")));
    }

    /** A closed city poll's results page shows what the city did next: recorded stages with their days, the rest to come. */
    @Test
    void theResultsOfAClosedPollShowItsPolicyCycle() {
        String pollId = Polls.open(Polls.draft("정책 이행 화면 시험", "OPEN", "LIVE", Polls.question("YES_NO", "찬성?")))
                .getString("id");
        Polls.close(pollId);
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Seoul"));
        for (String[] step : new String[][] {{"AGENDA", "시의회 안건 상정"}, {"DECISION", "예산 반영 확정"}}) {
            Api.Reply recorded = Api.post("/admin/polls/" + pollId + "/policy-cycle/steps", Json.createObjectBuilder()
                    .add("stage", step[0]).add("date", today.toString()).add("summary", step[1]).build(),
                    "Authorization", Api.OPERATOR);
            assertEquals(201, recorded.status(), recorded.body());
        }
        WebDriver browser = phone();
        browser.get(Browser.SITE + "/m/#/polls/" + pollId + "/results");
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("policy-cycle")));
        assertTrue(browser.findElement(By.id("policy-cycle-heading")).getText().contains("정책 이행 단계"));
        assertTrue(browser.findElement(By.id("cycle-decision")).getText().contains("예산 반영 확정"),
                browser.findElement(By.id("cycle-decision")).getText());
        assertEquals(today.toString(), browser.findElement(By.id("cycle-agenda")).getAttribute("data-date"));
        assertTrue(browser.findElement(By.id("cycle-execution")).getAttribute("class").contains("pending"));
        assertTrue(browser.findElement(By.id("cycle-evaluation")).getText().contains("예정"));
    }

    /**
     * Issue 18 part 3: the staff view inside the mobile office, at 360 px, with the mobile office's bearer token alone
     * (no cookie). A test identity provider signs the token and serves its key set over HTTP; the mobile office opens
     * staff.html with the token in the fragment. The member of staff finds the poll, votes, sees the receipt counted,
     * then the results; the list then says they voted.
     */
    @Test
    void aMemberOfStaffInsideTheMobileOfficeFindsTheirPollVotesSeesTheReceiptAndThenTheResults() throws Exception {
        Directory.ensureSynced();
        JsonObject draft = Polls.createDraft(Polls.draft("모바일 오피스 직원 설문", "ORG_UNITS", "LIVE",
                Polls.question("SINGLE_CHOICE", "워크숍 장소는?", "본관", "별관", "온라인")).add("kind", "CITY_TO_STAFF"));
        String pollId = draft.getString("id");
        assertEquals(200, Api.put("/admin/polls/" + pollId + "/audience", Json.createObjectBuilder()
                .add("units", Json.createArrayBuilder().add("DEPT-IT")).add("people", Json.createArrayBuilder()).build(),
                "Authorization", Api.OPERATOR).status());
        Polls.publish(draft);

        try (TestIdentityProvider idp = new TestIdentityProvider().addKey("office-1")) {
            ServerProperties.set(management, "mvoting.mobile.office.jwks.url", idp.jwksUrl());
            ServerProperties.set(management, "mvoting.mobile.office.issuer", TestIdentityProvider.ISSUER);
            ServerProperties.set(management, "mvoting.mobile.office.audience", TestIdentityProvider.AUDIENCE);
            try {
                WebDriver phone = phone();
                // without a token the page says where to open it from
                phone.get(Browser.SITE + "/m/staff.html");
                waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-no-token")));

                // hwang.daeun (in 정보통신과): StaffIT counts it.staff2's mobile-office logins, so not them
                phone.get(Browser.SITE + "/m/staff.html#token=" + idp.token("office-1", "hwang.daeun"));
                waitFor(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("staff-poll-" + pollId)));
                assertFalse(phone.getCurrentUrl().contains("token"), "the token left the address: " + phone.getCurrentUrl());
                assertEquals("false", phone.findElement(By.id("staff-poll-" + pollId)).getAttribute("data-voted"));
                assertTrue(phone.manage().getCookies().stream().noneMatch(c -> c.getName().equals("JSESSIONID")),
                        "no session: the token alone");

                click(phone, "staff-vote-" + pollId);
                click(phone, "q1-o2");
                click(phone, "review");
                click(phone, "confirm-cast");
                String receipt = waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("staff-receipt")))
                        .getText().strip();
                assertFalse(receipt.isBlank());
                waitFor(phone).until(d -> Set.of("PENDING", "COUNTED").contains(
                        String.valueOf(d.findElement(By.id("staff-receipt-status")).getAttribute("data-status"))));
                assertEquals(1, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId));

                click(phone, "staff-results-link");
                waitFor(phone).until(d -> {
                    if (d.findElements(By.id("staff-result-q1-o2")).isEmpty()
                            || !"1".equals(d.findElement(By.id("staff-result-q1-o2")).getAttribute("data-votes"))) {
                        d.navigate().refresh(); // the mixer folds ballots in within a second or two; the tab keeps the token
                        return false;
                    }
                    return true;
                });
                assertEquals("0", phone.findElement(By.id("staff-result-q1-o1")).getAttribute("data-votes"));

                phone.get(Browser.SITE + "/m/staff.html#/");
                waitFor(phone).until(d -> "true".equals(d.findElement(By.id("staff-poll-" + pollId)).getAttribute("data-voted")));
                assertTrue(phone.findElement(By.id("staff-receipt-link-" + pollId)).isDisplayed(), "this phone's receipt");
                // nothing wider than the window (headless Chromium keeps a window of at least 500 px; a 360 px device
                // emulation of this page was checked by hand)
                Object overflow = ((org.openqa.selenium.JavascriptExecutor) phone).executeScript(
                        "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
                assertEquals(0L, ((Number) overflow).longValue(), "no sideways scrolling");
            } finally {
                ServerProperties.remove(management, "mvoting.mobile.office.jwks.url");
                ServerProperties.remove(management, "mvoting.mobile.office.issuer");
                ServerProperties.remove(management, "mvoting.mobile.office.audience");
            }
        }
    }

    /**
     * Issue 20 part 1: axe-core on every page of the citizen's mobile web, in Korean and then in English (the header's
     * language buttons): sign-in, home, a poll, the ballot, its review, the receipt, results, my page, the panel
     * profile and making a citizens' poll. (The event pages are checked in EventBrowserIT, with an event running.)
     */
    @Test
    void everyPageOfTheMobileWebPassesAxeInKoreanAndEnglish() {
        WebDriver browser = phone();
        browser.get(Browser.SITE + "/m/#/login");
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("phone")));
        Accessibility.check(browser, "sign-in");
        language(browser, "en");
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("phone")));
        Accessibility.check(browser, "sign-in");
        language(browser, "ko");
        signIn(browser, Citizens.newPhone());
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("me-link")));
        for (String language : List.of("ko", "en")) {
            language(browser, language);
            String pollId = Polls.open(Polls.draft("접근성 점검 " + language, "OPEN", "LIVE",
                    Polls.question("SINGLE_CHOICE", "어느 쪽입니까?", "가", "나"))).getString("id");
            browser.get(Browser.SITE + "/m/#/");
            waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("poll-list")));
            Accessibility.check(browser, "home");
            browser.get(Browser.SITE + "/m/#/polls/" + pollId);
            waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("vote-button")));
            Accessibility.check(browser, "poll");
            click(browser, "vote-button");
            waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("q1-o1")));
            Accessibility.check(browser, "vote");
            click(browser, "q1-o2");
            click(browser, "review");
            waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("confirm-cast")));
            Accessibility.check(browser, "review");
            click(browser, "confirm-cast");
            waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-code")));
            click(browser, "check-receipt");
            waitFor(browser).until(d -> d.findElement(By.id("receipt-status")).getAttribute("data-status") != null);
            Accessibility.check(browser, "receipt");
            click(browser, "results-link");
            waitFor(browser).until(d -> {
                if (d.findElements(By.id("result-q1-o2")).isEmpty()
                        || !"1".equals(d.findElement(By.id("result-q1-o2")).getAttribute("data-votes"))) {
                    d.navigate().refresh(); // the mixer folds the ballot in within a second or two
                    return false;
                }
                return true;
            });
            Accessibility.check(browser, "results");
            browser.get(Browser.SITE + "/m/#/me");
            waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("me-profile-link")));
            Accessibility.check(browser, "my page");
            browser.get(Browser.SITE + "/m/#/me/profile");
            waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("profile-form")));
            Accessibility.check(browser, "panel profile");
            browser.get(Browser.SITE + "/m/#/citizen-polls/new");
            waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("cp-title")));
            Accessibility.check(browser, "citizen-poll creation");
        }
    }

    /**
     * Issue 20 part 1: sign-in, vote and receipt with the keyboard alone (Tab, Enter, Space, arrows; no click), each
     * focused control visibly marked (an outline or a box-shadow, as computed by the browser).
     */
    @Test
    void signInVoteAndReceiptWithTheKeyboardAlone() {
        String pollId = Polls.open(Polls.draft("키보드로만 투표", "OPEN", "LIVE",
                Polls.question("SINGLE_CHOICE", "어느 쪽입니까?", "가", "나", "다"))).getString("id");
        String phone = Citizens.newPhone();
        WebDriver browser = phone();
        browser.get(Browser.SITE + "/m/#/polls/" + pollId);
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("vote-button")));
        tabTo(browser, "vote-button");
        keys(browser, Keys.ENTER);
        waitFor(browser).until(ExpectedConditions.urlContains("#/login"));
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("phone")));
        long before = Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ?", phone);
        tabTo(browser, "phone");
        keys(browser, phone);
        tabTo(browser, "send-code");
        keys(browser, Keys.ENTER);
        waitFor(browser).until(d -> Database.count("SELECT count(*) FROM local_sms_message WHERE recipient = ?", phone) > before);
        String code = Citizens.awaitCodes(List.of(phone), Duration.ofSeconds(10)).get(phone);
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("code")));
        tabTo(browser, "code");
        keys(browser, code);
        tabTo(browser, "verify-code");
        keys(browser, Keys.ENTER);
        waitFor(browser).until(ExpectedConditions.urlContains("#/polls/" + pollId));
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("vote-button")));
        tabTo(browser, "vote-button");
        keys(browser, Keys.ENTER);
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("q1-o1")));
        tabTo(browser, "q1-o1");
        keys(browser, Keys.SPACE); // choose the first option, then move the choice with the arrow key, as a radio group does
        keys(browser, Keys.ARROW_DOWN);
        waitFor(browser).until(d -> d.findElement(By.id("q1-o2")).isSelected());
        tabTo(browser, "review");
        keys(browser, Keys.ENTER);
        waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("confirm-cast")));
        tabTo(browser, "confirm-cast");
        keys(browser, Keys.ENTER);
        String receipt = waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-code"))).getText();
        assertFalse(receipt.isBlank());
        assertTrue(browser.getCurrentUrl().contains("#/polls/" + pollId + "/receipt/"), browser.getCurrentUrl());
        assertEquals(1, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId));
    }

    /** Presses Tab until the element with this id has the focus (at most 60 times), checking each stop is visibly marked. */
    private static void tabTo(WebDriver browser, String id) {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        for (int i = 0; i < 60; i++) {
            if (id.equals(js.executeScript("return document.activeElement && document.activeElement.id;"))) {
                assertFocusVisible(browser);
                return;
            }
            keys(browser, Keys.TAB);
            if (!Boolean.TRUE.equals(js.executeScript("return document.activeElement === document.body;"))) {
                assertFocusVisible(browser);
            }
        }
        throw new AssertionError("Tab never reached #" + id + " on " + browser.getCurrentUrl());
    }

    /** The focused element shows an outline or a box-shadow (WCAG 2.4.7, KWCAG 2.2 item 2.1.2). */
    private static void assertFocusVisible(WebDriver browser) {
        Object focus = ((JavascriptExecutor) browser).executeScript("const e = document.activeElement;"
                + "const s = getComputedStyle(e);"
                + "const outlined = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;"
                + "const shadowed = s.boxShadow && s.boxShadow !== 'none';"
                + "return (outlined || shadowed) ? '' : (e.tagName + '#' + e.id + ' outline ' + s.outlineStyle + ' '"
                + " + s.outlineWidth + ', box-shadow ' + s.boxShadow);");
        assertEquals("", focus, "the focused element is not visibly marked");
    }

    private static void keys(WebDriver browser, CharSequence... keys) {
        new Actions(browser).sendKeys(keys).perform();
    }

    /** Switches the mobile web's language with the header's button and waits for the page to say so. */
    private static void language(WebDriver browser, String language) {
        click(browser, "lang-" + language);
        waitFor(browser).until(d -> language.equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
    }

    /**
     * Issue 20 part 6: the browsable API page. Swagger UI, from its WebJar, reads /api/v1/openapi.json and lists every
     * operation of the document; opening one shows its details. Browser.closeAll fails the test if anything on the way
     * broke the site's Content-Security-Policy (no inline script, no inline style).
     */
    @Test
    void theApiPageListsEveryOperationOfTheJsonDocumentUnderTheSitesPolicy() {
        Api.Reply json = Api.get("/openapi.json");
        assertEquals(200, json.status(), json.body());
        assertTrue(json.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        int operations = 0;
        for (var path : json.json().getJsonObject("paths").values()) {
            for (String verb : path.asJsonObject().keySet()) {
                operations += Set.of("get", "post", "put", "delete", "patch").contains(verb) ? 1 : 0;
            }
        }
        assertTrue(operations > 100, "operations: " + operations);
        int expected = operations;
        WebDriver browser = Browser.open(1280, 900);
        phones.add(browser);
        browser.get(Browser.SITE + "/api-docs/");
        waitFor(browser).until(d -> d.findElements(By.cssSelector(".opblock")).size() == expected);
        assertTrue(browser.findElement(By.cssSelector(".info .title")).getText().startsWith("mVoting API"));
        var first = browser.findElements(By.cssSelector(".opblock-summary-control")).get(0);
        first.click();
        waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".opblock-body")));
    }

    /**
     * Issue 20 part 4: the citizen flow (home → poll → sign-in → vote → receipt → results → my page → history) in
     * English, on a phone whose clock is in New York. No Korean is left in what the pages show but the department's
     * name (the city's own data), and the poll's closing time is the city's (Asia/Seoul), not the phone's.
     */
    @Test
    void inEnglishTheCitizenFlowHasNoKoreanLeftAndShowsTimesOnTheCitysClockWhereverThePhoneIs() {
        JsonObject poll = Polls.open(Polls.draft("Fountain hours on the square", "OPEN", "LIVE",
                Polls.question("SINGLE_CHOICE", "When should it run?", "Mornings", "Afternoons", "Evenings")));
        String pollId = poll.getString("id");
        JsonObject shown = Api.get("/polls/" + pollId).json();
        List<String> userContent = new ArrayList<>(List.of("Fountain hours on the square", "When should it run?",
                "Mornings", "Afternoons", "Evenings", shown.getString("department")));
        // the home page also lists the other open polls (the demo's, other tests'): their titles and departments are
        // the city's content in the language they were written in
        titlesAndDepartments(Api.get("/polls?size=100").body(), userContent);
        userContent.sort(java.util.Comparator.comparingInt(String::length).reversed()); // longest first
        WebDriver phone = phone();
        ((org.openqa.selenium.chrome.ChromeDriver) phone).executeCdpCommand("Emulation.setTimezoneOverride",
                java.util.Map.of("timezoneId", "America/New_York"));
        phone.get(Browser.SITE + "/m/#/");
        click(phone, "lang-en");
        waitFor(phone).until(d -> "en".equals(script(d, "return document.documentElement.lang"))
                && "true".equals(d.findElement(By.id("lang-en")).getAttribute("aria-pressed")));
        List<String> leftovers = new ArrayList<>();
        java.util.function.Consumer<String> noKorean = page -> settled(phone).forEach(text -> {
            if (HANGUL.matcher(without(text, userContent)).find()) {
                leftovers.add(page + ": " + text);
            }
        });
        noKorean.accept("home");

        phone.get(Browser.SITE + "/m/#/polls/" + pollId);
        String period = waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("poll-period"))).getText();
        assertEquals("America/New_York", script(phone, "return Intl.DateTimeFormat().resolvedOptions().timeZone"),
                "the phone's own clock is in New York");
        java.time.ZonedDateTime closes = java.time.Instant.parse(shown.getString("closesAt")).atZone(java.time.ZoneId.of("Asia/Seoul"));
        java.time.ZonedDateTime closesInNewYork = closes.withZoneSameInstant(java.time.ZoneId.of("America/New_York"));
        java.time.format.DateTimeFormatter clock = java.time.format.DateTimeFormatter.ofPattern("HH:mm");
        String day = closes.getDayOfMonth() + " " + closes.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
        assertTrue(period.contains(day) && period.endsWith(clock.format(closes)),
                "closes " + day + " " + clock.format(closes) + " in the city: " + period);
        assertFalse(period.contains(clock.format(closesInNewYork)), "not New York's " + clock.format(closesInNewYork) + ": " + period);
        noKorean.accept("poll");

        citizenVotes(phone, pollId, Citizens.newPhone(), noKorean);
        assertTrue(leftovers.isEmpty(), "Korean left on the English pages:\n" + String.join("\n", leftovers));
    }

    /**
     * Issue 20 part 4: the same flow in Korean (the default). No text of the English bundle is left verbatim in
     * what the pages show (the pieces of each English text between its {0} arguments, where it differs from the
     * Korean one).
     */
    @Test
    void inKoreanTheCitizenFlowShowsNoTextOfTheEnglishBundle() {
        JsonObject poll = Polls.open(Polls.draft("광장 분수 운영 시간", "OPEN", "LIVE",
                Polls.question("SINGLE_CHOICE", "언제 켤까요?", "오전", "오후", "저녁")));
        String pollId = poll.getString("id");
        JsonObject english = Api.get("/texts/mobile", "Accept-Language", "en").json();
        JsonObject korean = Api.get("/texts/mobile", "Accept-Language", "ko").json();
        java.util.Set<String> pieces = new java.util.TreeSet<>();
        for (String key : english.keySet()) {
            if (!english.get(key).equals(korean.get(key))) {
                for (String piece : english.getString(key).split("\\{\\d+\\}")) {
                    String words = piece.strip();
                    if (words.length() >= 4 && words.matches(".*[A-Za-z]{3}.*")) {
                        pieces.add(words);
                    }
                }
            }
        }
        assertTrue(pieces.size() > 100, "English texts: " + pieces.size());
        WebDriver phone = phone();
        List<String> leftovers = new ArrayList<>();
        java.util.function.Consumer<String> noEnglish = page -> settled(phone).forEach(text -> {
            pieces.stream().filter(text::contains).forEach(piece -> leftovers.add(page + ": \"" + piece + "\" in " + text));
        });
        phone.get(Browser.SITE + "/m/#/");
        waitFor(phone).until(d -> "ko".equals(script(d, "return document.documentElement.lang")));
        noEnglish.accept("home");
        phone.get(Browser.SITE + "/m/#/polls/" + pollId);
        waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("poll-period")));
        noEnglish.accept("poll");
        citizenVotes(phone, pollId, Citizens.newPhone(), noEnglish);
        assertTrue(leftovers.isEmpty(), "English left on the Korean pages:\n" + String.join("\n", leftovers));
    }

    private static final java.util.regex.Pattern HANGUL = java.util.regex.Pattern.compile("[\uAC00-\uD7A3]");

    /** From the poll page: sign in, vote, the receipt checked, the results, my page and my history; each page checked. */
    private static void citizenVotes(WebDriver phone, String pollId, String number, java.util.function.Consumer<String> check) {
        click(phone, "vote-button");
        waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("phone")));
        check.accept("sign-in");
        signIn(phone, number);
        waitFor(phone).until(ExpectedConditions.urlContains("#/polls/" + pollId));
        click(phone, "vote-button");
        waitFor(phone).until(ExpectedConditions.elementToBeClickable(By.id("q1-o2")));
        check.accept("ballot");
        click(phone, "q1-o2");
        click(phone, "review");
        waitFor(phone).until(ExpectedConditions.elementToBeClickable(By.id("confirm-cast")));
        check.accept("review");
        click(phone, "confirm-cast");
        waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-code")));
        click(phone, "check-receipt");
        waitFor(phone).until(d -> Set.of("PENDING", "COUNTED").contains(
                String.valueOf(d.findElement(By.id("receipt-status")).getAttribute("data-status"))));
        check.accept("receipt");
        click(phone, "results-link");
        waitFor(phone).until(d -> {
            if (d.findElements(By.id("result-q1-o2")).isEmpty()
                    || !"1".equals(d.findElement(By.id("result-q1-o2")).getAttribute("data-votes"))) {
                d.navigate().refresh(); // the mixer folds ballots in within a second or two
                return false;
            }
            return true;
        });
        check.accept("results");
        phone.get(Browser.SITE + "/m/#/me");
        waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("me-history-heading")));
        check.accept("my page");
        phone.get(Browser.SITE + "/m/#/me/history");
        waitFor(phone).until(ExpectedConditions.presenceOfElementLocated(By.id("history-item-" + pollId)));
        check.accept("history");
    }

    /**
     * The texts a person sees once the view has loaded: every visible text node, the page title and placeholders;
     * not what is marked as another language (the language switch names each language in its own).
     */
    @SuppressWarnings("unchecked")
    private static List<String> settled(WebDriver browser) {
        waitFor(browser).until(d -> Boolean.TRUE.equals(script(d,
                "return !document.querySelector('#view .loading') && !!document.querySelector('#view h1, #view h2')")));
        return (List<String>) ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("""
                const page = document.documentElement.lang;
                const texts = [document.title];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                while (walker.nextNode()) {
                  const node = walker.currentNode;
                  const el = node.parentElement;
                  const text = node.textContent.trim();
                  if (!text || !el || !el.checkVisibility()) continue;
                  const marked = el.closest('[lang]');
                  if (marked && marked !== document.documentElement && marked.lang !== page) continue;
                  texts.push(text);
                }
                document.querySelectorAll('[placeholder]').forEach((e) => { if (e.checkVisibility()) texts.push(e.placeholder); });
                return texts;""");
    }

    /** Every "title" and "department" in a JSON answer, at any depth. */
    private static void titlesAndDepartments(String json, List<String> into) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(?:title|department)\"\\s*:\\s*(\"(?:[^\"\\\\]|\\\\.)*\")")
                .matcher(json);
        while (m.find()) {
            try (jakarta.json.JsonReader reader = Json.createReader(new java.io.StringReader(m.group(1)))) {
                into.add(((jakarta.json.JsonString) reader.readValue()).getString());
            }
        }
    }

    private static String without(String text, List<String> userContent) {
        String rest = text;
        for (String content : userContent) {
            rest = rest.replace(content, "");
        }
        return rest;
    }

    private static Object script(WebDriver browser, String script) {
        return ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(script);
    }

    private WebDriver phone() {
        WebDriver browser = Browser.open(360, 740);
        phones.add(browser);
        return browser;
    }
}
