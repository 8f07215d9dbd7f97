package org.mvoting.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.mvoting.it.PhoneScreens.click;
import static org.mvoting.it.PhoneScreens.type;
import static org.mvoting.it.PhoneScreens.waitFor;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An on-site event in four real headless Chromiums: the operator's console in the portal, the presenter screen for
 * the projector and two participants' phones that joined with printed cards. The operator opens a question and
 * shows its results; both phones get it without a reload and vote; the big screen's chart shows both ballots
 * within a second of the second phone's confirmation. The operator closes the question (after confirming), enters
 * the paper count and carries the top two options into a second round, which the phones get without a reload, with
 * exactly those two options, and vote on again.
 */
@ExtendWith(ArquillianExtension.class)
class EventBrowserIT {

    private static final String EVENT_OPERATOR = Api.basic("event.lee");
    /** The promise: the big screen follows a ballot within a second. */
    private static final Duration PRESENTER_LAG = Duration.ofSeconds(1);

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
    void twoPhonesVoteThePresenterFollowsWithinASecondAndTheTopTwoCarryIntoASecondRound() {
        Directory.ensureSynced();
        // the operator's browser first: without Chromium the test is skipped before anything is made
        WebDriver operator = open(1280, 1000);

        // --- set up by REST: an event, two printed cards, a prepared question in round 1
        JsonObject event = newEvent();
        String eventId = event.getString("id");
        String joinCode = event.getString("joinCode");
        List<String> cards = tokens(eventId, 2);
        // the second operator of the event, who confirms the paper count
        assertEquals(200, Api.post("/admin/events/" + eventId + "/operators", Json.createObjectBuilder()
                .add("staffId", "sung.minjae").build(), "Authorization", EVENT_OPERATOR).status());
        JsonObject question = addQuestion(eventId, 1, "가장 시급한 과제는 무엇입니까?", "교통", "주거", "환경", "문화");
        String pollId = question.getString("pollId");
        Map<String, Long> option = optionIdsByLabel(question);
        assertEquals(List.of("교통", "주거", "환경", "문화"), option.keySet().stream().sorted(
                java.util.Comparator.comparingInt(label -> position(question, label))).toList());

        // --- the operator logs into the portal and opens the event's console
        logIn(operator, "event.lee");
        operator.get(Browser.SITE + "/admin/events/console.xhtml?event=" + eventId);
        console(operator, "the console lists the prepared question").until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(row(pollId) + "[data-state='PREPARED'][data-round='1']")));
        assertEquals(joinCode, operator.findElement(By.id("join-code")).getDomAttribute("data-join-code"));

        // --- the presenter screen for the projector, following the live stream
        WebDriver presenter = open(1280, 720);
        presenter.get(Browser.SITE + "/m/present.html#/" + joinCode);
        waitFor(presenter).withMessage("the presenter screen connects to the live stream").until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#present-connection[data-state='live']")));
        assertEquals(joinCode, presenter.findElement(By.id("present-code")).getText().strip());
        assertTrue(!presenter.findElements(By.cssSelector("#present-qr svg")).isEmpty(), "a QR code for the hall");

        // --- two phones join with their printed cards and wait for a question
        WebDriver phoneA = joinedPhone(joinCode, cards.get(0));
        WebDriver phoneB = joinedPhone(joinCode, cards.get(1));

        // --- the operator opens the question with no countdown, and shows its results on the screens
        typeInRow(operator, pollId, "[id$=':countdown']", "0");
        clickInRow(operator, pollId, "[id$=':open']", "open");
        console(operator, "the console shows the question open").until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(row(pollId) + "[data-state='OPEN']")));
        JsonObject opened = awaitQuestion(eventId, pollId, q -> "OPEN".equals(q.getString("state")), "open");
        assertTrue(!opened.containsKey("closesAt") || opened.isNull("closesAt"), "0 seconds: no countdown, " + opened);
        clickInRow(operator, pollId, "[id$=':show']", "show results");
        awaitQuestion(eventId, pollId, q -> q.getBoolean("resultsShown"), "results shown");

        // the big screen: the question, its (empty) chart of four bars, both participants joined
        waitFor(presenter).withMessage("the presenter shows the open question with its empty chart").until(d ->
                pollId.equals(d.findElement(By.id("present-question")).getDomAttribute("data-poll"))
                        && "OPEN".equals(d.findElement(By.id("present-state")).getDomAttribute("data-state"))
                        && d.findElements(By.cssSelector("#present-chart li.bar[data-votes='0']")).size() == 4);
        waitFor(presenter).withMessage("the presenter counts two joined").until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#present-joined[data-count='2']")));

        // --- both phones get the question without a reload and vote 교통
        for (WebDriver phone : List.of(phoneA, phoneB)) {
            awaitPhoneQuestion(phone, pollId, "OPEN");
            assertEquals(List.of("교통", "주거", "환경", "문화"), phoneLabels(phone));
            assertTrue(!phone.findElement(By.id("event-waiting")).isDisplayed(), "no longer waiting");
        }
        vote(phoneA, option.get("교통"));
        waitFor(phoneA).withMessage("phone A's ballot is confirmed").until(
                ExpectedConditions.visibilityOfElementLocated(By.id("event-voted")));
        vote(phoneB, option.get("교통"));
        new WebDriverWait(phoneB, Duration.ofSeconds(20), Duration.ofMillis(20))
                .ignoring(StaleElementReferenceException.class)
                .withMessage("phone B's ballot is confirmed")
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("event-voted")));

        // --- the presenter shows 2 for 교통 within a second of the second confirmation
        String bar = "#present-chart li.bar[data-option='" + option.get("교통") + "']";
        long confirmed = System.nanoTime();
        long shownAfter = awaitPresenter(presenter, bar, "2", PRESENTER_LAG);
        if (shownAfter < 0) {
            long late = awaitPresenter(presenter, bar, "2", Duration.ofSeconds(10));
            fail("the presenter's chart showed 2 votes for 교통 only "
                    + (late < 0 ? "not within 11 s" : (Duration.ofNanos(System.nanoTime() - confirmed).toMillis()) + " ms")
                    + " after the second phone's confirmation; it must within " + PRESENTER_LAG.toMillis() + " ms");
        }
        WebElement counted = presenter.findElement(By.cssSelector(bar));
        assertEquals("2", counted.getDomAttribute("data-phone"));
        assertEquals("0", counted.getDomAttribute("data-paper"));
        waitFor(presenter).withMessage("the presenter's turnout says 2 ballots").until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#present-turnout[data-ballots='2']")));

        // --- the operator closes the question, after confirming
        clickInRow(operator, pollId, "[id$=':close']", "close");
        clickFresh(operator, By.id("confirm:yes"), "confirm closing");
        console(operator, "the console shows the question closed").until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(row(pollId) + "[data-state='CLOSED']")));
        waitFor(presenter).withMessage("the presenter shows the question closed").until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("#present-state[data-state='CLOSED']")));
        for (WebDriver phone : List.of(phoneA, phoneB)) {
            waitFor(phone).withMessage("the phone says voting closed").until(
                    ExpectedConditions.visibilityOfElementLocated(By.id("event-closed")));
            waitFor(phone).withMessage("the phone's results show 2 for 교통").until(ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector("#event-results li[data-option='" + option.get("교통") + "'][data-votes='2']")));
        }

        // --- paper ballots counted in the hall: 4 handed out; 주거 3, 환경 1 → combined 교통 2, 주거 3, 환경 1, 문화 0,
        // once the event's second operator confirmed them (not the one who entered them)
        typeInRow(operator, pollId, "[id$=':handed-out']", "4");
        clickInRow(operator, pollId, "[id$=':paper-register']", "register the paper ballots handed out");
        console(operator, "the console shows 4 paper ballots handed out").until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(row(pollId) + " dd.paper-handed-out"), "4"));
        Map<String, Long> paper = Map.of("교통", 0L, "주거", 3L, "환경", 1L, "문화", 0L);
        paper.forEach((label, count) ->
                typeInRow(operator, pollId, "input[data-option='" + option.get(label) + "']", String.valueOf(count)));
        clickInRow(operator, pollId, "[id$=':paper-save']", "save paper counts");
        console(operator, "the console shows the paper count waiting for a second person").until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector(row(pollId)
                        + " div.paper-pending[data-entered-by='event.lee'] tr[data-option='" + option.get("주거")
                        + "'] td.pending-paper")));
        assertEquals(byId(option, Map.of("교통", 0L, "주거", 0L, "환경", 0L, "문화", 0L)),
                counts(awaitQuestion(eventId, pollId, q -> q.containsKey("pendingPaper") && !q.isNull("pendingPaper"), "pending"), "paper"),
                "not in the counts before it is confirmed");
        clickInRow(operator, pollId, "[id$=':paper-confirm']", "confirm one's own paper counts");
        console(operator, "the console refuses to confirm one's own entry").until(
                ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "event.lee"));
        Api.Reply paperConfirmed = Api.post("/admin/events/" + eventId + "/questions/" + pollId + "/paper-counts/confirm", null,
                "Authorization", Api.basic("sung.minjae"));
        assertEquals(200, paperConfirmed.status(), paperConfirmed.body());
        JsonObject combined = awaitQuestion(eventId, pollId, q -> counts(q, "paper").equals(byId(option, paper)),
                "paper counts confirmed as " + paper);
        console(operator, "the console no longer shows the paper count waiting").until(
                ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(row(pollId) + " div.paper-pending")));
        assertEquals(byId(option, Map.of("교통", 2L, "주거", 3L, "환경", 1L, "문화", 0L)), counts(combined, "combined"));
        assertEquals(byId(option, Map.of("교통", 2L, "주거", 0L, "환경", 0L, "문화", 0L)), counts(combined, "phone"));
        waitFor(presenter).withMessage("the presenter adds the paper count to 주거").until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#present-chart li.bar[data-option='" + option.get("주거")
                        + "'][data-votes='3'][data-phone='0'][data-paper='3']")));

        // --- the top two (주거 3, 교통 2; no tie) go on to round 2
        typeInRow(operator, pollId, "[id$=':carry-count']", "2");
        clickInRow(operator, pollId, "[id$=':carry']", "carry the top options forward");
        console(operator, "a prepared question of round 2 appears in the console").until(
                ExpectedConditions.presenceOfElementLocated(By.cssSelector("div.console-question[data-round='2']")));
        JsonObject second = awaitConsole(eventId, all -> all.stream().filter(q -> q.getInt("round") == 2
                && pollId.equals(q.containsKey("carriedFrom") && !q.isNull("carriedFrom") ? q.getString("carriedFrom") : null))
                .findFirst().orElse(null), "a round-2 question carried from " + pollId);
        String secondId = second.getString("pollId");
        assertEquals("PREPARED", second.getString("state"));
        Map<String, Long> secondOption = optionIdsByLabel(second);
        assertEquals(List.of("교통", "주거"), secondOption.keySet().stream().sorted().toList(), "the top two, no tie");
        console(operator, "the round-2 question is in the console, prepared").until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(row(secondId) + "[data-round='2'][data-state='PREPARED']")));

        // --- the operator opens round 2 (no countdown); the phones get it without a reload and vote again
        typeInRow(operator, secondId, "[id$=':countdown']", "0");
        clickInRow(operator, secondId, "[id$=':open']", "open round 2");
        console(operator, "the console shows round 2 open").until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(row(secondId) + "[data-state='OPEN']")));
        for (WebDriver phone : List.of(phoneA, phoneB)) {
            awaitPhoneQuestion(phone, secondId, "OPEN");
            assertEquals(List.of("교통", "주거"), phoneLabels(phone).stream().sorted().toList(),
                    "round 2 offers exactly the two carried options");
            assertEquals(secondOption.values().stream().map(String::valueOf).sorted().toList(),
                    phone.findElements(By.cssSelector("#event-question input[name='event-option']")).stream()
                            .map(i -> i.getDomAttribute("value")).sorted().toList());
            assertTrue(!phone.findElement(By.id("event-voted")).isDisplayed(), "a new question: not voted yet");
        }
        vote(phoneA, secondOption.get("교통"));
        vote(phoneB, secondOption.get("주거"));
        for (WebDriver phone : List.of(phoneA, phoneB)) {
            waitFor(phone).withMessage("the round-2 ballot is confirmed").until(
                    ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#event-question[data-poll='" + secondId
                            + "'] #event-voted")));
        }
        waitFor(presenter).withMessage("the presenter shows round 2 with 2 ballots").until(d ->
                secondId.equals(d.findElement(By.id("present-question")).getDomAttribute("data-poll"))
                        && "2".equals(d.findElement(By.id("present-turnout")).getDomAttribute("data-ballots")));
        // round 2's results are not shown, so its ballots reach the tally by the ordinary mixer's rounds: wait for them
        JsonObject secondCounted = awaitQuestion(eventId, secondId, q -> q.getJsonNumber("ballots").longValue() == 2
                && counts(q, "phone").values().stream().mapToLong(Long::longValue).sum() == 2, "two ballots in round 2");
        assertEquals(byId(secondOption, Map.of("교통", 1L, "주거", 1L)), counts(secondCounted, "phone"));
        assertEquals(2, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", pollId));
        assertEquals(2, Database.count("SELECT count(*) FROM participation WHERE poll_id = ?::uuid", secondId));
    }

    /**
     * Issue 20 part 1: axe-core on the event's screens, in Korean and in English: the portal's console, the presenter
     * with a question open and its results shown, and a phone that joined and sees the question.
     */
    @Test
    void theConsoleThePresenterAndTheEventPhonePassAxeInKoreanAndEnglish() {
        Directory.ensureSynced();
        WebDriver operator = open(1280, 1000);
        JsonObject event = newEvent();
        String eventId = event.getString("id");
        String joinCode = event.getString("joinCode");
        String card = tokens(eventId, 1).get(0);
        String pollId = addQuestion(eventId, 1, "접근성 점검 질문입니다. 어느 쪽입니까?", "가", "나").getString("pollId");
        logIn(operator, "event.lee");
        operator.get(Browser.SITE + "/admin/events/console.xhtml?event=" + eventId);
        console(operator, "the console lists the question").until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(row(pollId) + "[data-state='PREPARED']")));
        WebDriver presenter = open(1280, 720);
        presenter.get(Browser.SITE + "/m/present.html#/" + joinCode);
        waitFor(presenter).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#present-connection[data-state='live']")));
        Accessibility.check(presenter, "presenter, waiting");
        WebDriver phone = joinedPhone(joinCode, card);
        Accessibility.check(phone, "event page, joined and waiting");

        typeInRow(operator, pollId, "[id$=':countdown']", "0");
        clickInRow(operator, pollId, "[id$=':open']", "open");
        console(operator, "the question is open").until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(row(pollId) + "[data-state='OPEN']")));
        clickInRow(operator, pollId, "[id$=':show']", "show results");
        awaitQuestion(eventId, pollId, q -> q.getBoolean("resultsShown"), "results shown");
        Accessibility.check(operator, "events console");
        waitFor(presenter).until(d -> d.findElements(By.cssSelector("#present-chart li.bar")).size() == 2);
        Accessibility.check(presenter, "presenter, question open with its chart");
        awaitPhoneQuestion(phone, pollId, "OPEN");
        Accessibility.check(phone, "event page, question open");

        // the same three in English
        clickFresh(operator, By.id("lang:en"), "English");
        console(operator, "the console in English").until(d -> "en".equals(
                d.findElement(By.tagName("html")).getDomAttribute("lang")));
        console(operator, "the console lists the question").until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector(row(pollId) + "[data-state='OPEN']")));
        Accessibility.check(operator, "events console");
        click(presenter, "present-lang-en");
        waitFor(presenter).until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        waitFor(presenter).until(d -> d.findElements(By.cssSelector("#present-chart li.bar")).size() == 2);
        Accessibility.check(presenter, "presenter, question open with its chart");
        click(phone, "lang-en");
        waitFor(phone).until(d -> "en".equals(d.findElement(By.tagName("html")).getDomAttribute("lang")));
        awaitPhoneQuestion(phone, pollId, "OPEN");
        Accessibility.check(phone, "event page, question open");
    }

    /** The projector sizes the big screen is laid out for: 720p, 1080p and 4K. */
    private static final int[][] PROJECTORS = {{1280, 720}, {1920, 1080}, {3840, 2160}};

    /**
     * Measures the presenter in the browser (getBoundingClientRect) and returns what the test asserts on: the join
     * code's height in line boxes, the QR code's box, every other visible element its box meets, and whether the
     * question's box or the page spills over.
     */
    private static final String GEOMETRY = """
            const box = (r) => ({left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height});
            const meets = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
            const code = document.getElementById('present-code');
            const qr = document.querySelector('#present-qr svg');
            const q = qr.getBoundingClientRect();
            const overQr = [];
            for (const el of document.body.querySelectorAll('*')) {
              if (el === qr || el.contains(qr) || qr.contains(el)) continue;
              const r = el.getBoundingClientRect();
              const style = getComputedStyle(el);
              if (r.width === 0 || r.height === 0 || style.visibility === 'hidden' || style.display === 'none') continue;
              if (meets(r, q)) overQr.push((el.id || el.tagName.toLowerCase() + '.' + el.className) + ' ' + JSON.stringify(box(r)));
            }
            const current = document.getElementById('present-current');
            const join = document.querySelector('.present-join').getBoundingClientRect();
            const tools = document.querySelector('.present-tools').getBoundingClientRect();
            const chart = document.getElementById('present-chart').getBoundingClientRect();
            const labels = [...document.querySelectorAll('#present-chart .bar-label')];
            return {
              viewportWidth: innerWidth, viewportHeight: innerHeight,
              codeText: code.textContent, codeLines: code.getBoundingClientRect().height / parseFloat(getComputedStyle(code).lineHeight),
              codeInColumn: code.getBoundingClientRect().left >= join.left - 0.5 && code.getBoundingClientRect().right <= join.right + 0.5,
              qrLeft: q.left, qrTop: q.top, qrRight: q.right, qrBottom: q.bottom, qrSize: Math.min(q.width, q.height),
              overQr: overQr.join(' | '),
              questionSpills: current.scrollHeight > current.clientHeight + 1 || current.scrollWidth > current.clientWidth + 1,
              pageSpills: document.documentElement.scrollHeight > innerHeight || document.documentElement.scrollWidth > innerWidth,
              chartBottom: chart.bottom, toolsTop: tools.top, chartRight: chart.right, joinLeft: join.left,
              bars: labels.length,
              labelsInView: labels.every((l) => { const r = l.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight && r.left >= 0 && r.right <= join.left; }),
              smallestLabelPx: Math.min(...labels.map((l) => parseFloat(getComputedStyle(l).fontSize))),
              questionPx: parseFloat(getComputedStyle(document.getElementById('present-question')).fontSize),
              fit: current.dataset.fit || ''
            };
            """;

    @Test
    void theBigScreenKeepsItsJoinCodeOnOneLineItsQrCodeClearAndTenOptionsInViewAt720p1080pAnd4k() {
        Directory.ensureSynced();
        WebDriver first = open(PROJECTORS[0][0], PROJECTORS[0][1]); // skipped here without Chromium
        JsonObject event = newEvent();
        String eventId = event.getString("id");
        String joinCode = event.getString("joinCode");
        // the longest question a hall is likely to see, and ten options, some of them long
        String text = "우리 구의 2027년 주민참여예산 가운데 생활 안전과 교통 분야에 배정된 12억 원을 어떤 사업에 가장 먼저 써야"
                + " 한다고 생각하십니까? 아래 열 가지 사업 가운데 하나를 골라 주세요. 결과는 구청장에게 그대로 전달되며, 가장 많은 표를"
                + " 얻은 두 사업은 다음 달 구의회 예산 심의에 올라갑니다.";
        JsonObject question = addQuestion(eventId, 1, text, "어린이 보호구역 과속 단속 카메라 추가 설치와 안내 표지 정비",
                "버스 정류장 온열 의자와 그늘막", "골목길 보안등 LED 교체", "자전거 도로 단절 구간 연결", "노인 보행 보조 신호등 연장",
                "공영 주차장 증설", "하천 산책로 야간 조명", "전동 킥보드 주차 구역 지정", "횡단보도 바닥 신호등", "마을버스 노선 신설");
        String pollId = question.getString("pollId");
        assertEquals(200, Api.post("/admin/events/" + eventId + "/questions/" + pollId + "/open", Json.createObjectBuilder()
                .add("countdownSeconds", 600).build(), "Authorization", EVENT_OPERATOR).status());
        assertEquals(200, Api.post("/admin/events/" + eventId + "/questions/" + pollId + "/results", Json.createObjectBuilder()
                .add("shown", true).build(), "Authorization", EVENT_OPERATOR).status());
        String joinPage = Browser.SITE + "/m/#/events/" + joinCode;

        for (int[] size : PROJECTORS) {
            String at = size[0] + "x" + size[1];
            WebDriver presenter = size == PROJECTORS[0] ? first : open(size[0], size[1]);
            // the page's own viewport at exactly the projector's size (a window of that size loses some to its frame)
            ((org.openqa.selenium.chrome.ChromeDriver) presenter).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", size[0], "height", size[1], "deviceScaleFactor", 1, "mobile", false));
            presenter.get(Browser.SITE + "/m/present.html#/" + joinCode);
            waitFor(presenter).withMessage("the presenter at " + at + " shows the question with its ten bars").until(d ->
                    pollId.equals(d.findElement(By.id("present-question")).getDomAttribute("data-poll"))
                            && d.findElements(By.cssSelector("#present-chart li.bar")).size() == 10
                            && d.findElement(By.id("present-current")).getDomAttribute("data-fit") != null);
            @SuppressWarnings("unchecked")
            Map<String, Object> g = (Map<String, Object>) ((JavascriptExecutor) presenter).executeScript(GEOMETRY);
            String seen = at + ": " + g;
            double width = ((Number) g.get("viewportWidth")).doubleValue();
            double height = ((Number) g.get("viewportHeight")).doubleValue();
            assertTrue(width == size[0] && height == size[1], "the viewport, " + seen);

            // the join code: all six digits, on one line, inside its column
            assertEquals(joinCode, ((String) g.get("codeText")).strip(), seen);
            assertTrue(num(g, "codeLines") < 1.5, "the join code takes one line, " + seen);
            assertEquals(Boolean.TRUE, g.get("codeInColumn"), "the join code stays in its column, " + seen);

            // the QR code: inside the viewport, big enough to scan from the hall, and nothing drawn over it
            assertTrue(num(g, "qrLeft") >= 0 && num(g, "qrTop") >= 0 && num(g, "qrRight") <= width
                    && num(g, "qrBottom") <= height, "the QR code is inside the viewport, " + seen);
            assertTrue(num(g, "qrSize") >= height * 0.25, "the QR code is at least a quarter of the height, " + seen);
            assertEquals("", g.get("overQr"), "no other element meets the QR code's box, " + seen);

            // the long question and its ten options: nothing spills, every label in view, type still readable
            assertEquals(Boolean.FALSE, g.get("questionSpills"), "the question's box holds it all, " + seen);
            assertEquals(Boolean.FALSE, g.get("pageSpills"), "the page does not scroll, " + seen);
            assertTrue(num(g, "chartBottom") <= num(g, "toolsTop") + 0.5, "the chart ends above the buttons, " + seen);
            assertTrue(num(g, "chartRight") <= num(g, "joinLeft"), "the chart ends before the join column, " + seen);
            assertEquals(10L, ((Number) g.get("bars")).longValue(), seen);
            assertEquals(Boolean.TRUE, g.get("labelsInView"), "every option's label is in view, " + seen);
            // a 10-option chart at 1/60 of the screen's height is ~12 px at 720p (the size of a TV's subtitles)
            assertTrue(num(g, "smallestLabelPx") >= height / 60, "the options' type, " + seen);
            assertTrue(num(g, "questionPx") >= num(g, "smallestLabelPx"), "the question is not smaller than its options, " + seen);

            // and the hall's QR code, photographed off the screen, opens this event's join page
            assertEquals(joinPage, presenter.findElement(By.id("present-url")).getText().strip(), at);
            assertEquals(joinPage, QrCodes.read(presenter.findElement(By.cssSelector("#present-qr svg"))), at);
        }
    }

    private static double num(Map<String, Object> geometry, String key) {
        return ((Number) geometry.get(key)).doubleValue();
    }

    // ---------------------------------------------------------------- browsers

    @Test
    void aCitizenAsksByTheRegistrationLinkTheOperatorApprovesAndTheyJoinWithTheirPhone() {
        Directory.ensureSynced();
        WebDriver operator = open(1280, 1000);
        JsonObject event = newEvent();
        String eventId = event.getString("id");
        String joinCode = event.getString("joinCode");

        // the link the city shared: not signed in, so the sign-in view first, then straight back to the form
        WebDriver phone = open(390, 844);
        phone.get(Browser.SITE + "/m/#/events/" + joinCode + "/register");
        PhoneScreens.signIn(phone, Citizens.newPhone());
        type(phone, "event-register-name", "한시민");
        type(phone, "event-register-group", "7조");
        click(phone, "event-register-submit");
        waitFor(phone).withMessage("the request waits for the operator").until(
                ExpectedConditions.attributeToBe(By.id("event-registration"), "data-status", "PENDING"));

        logIn(operator, "event.lee");
        operator.get(Browser.SITE + "/admin/events/console.xhtml?event=" + eventId);
        clickFresh(operator, By.cssSelector("tr[data-status='PENDING'] [id$=':approve']"), "approve");
        console(operator, "the request is approved").until(
                d -> !d.findElements(By.cssSelector("tr[data-status='APPROVED']")).isEmpty());
        assertEquals(1, Api.get("/admin/events/" + eventId, "Authorization", EVENT_OPERATOR).json().getInt("participants"));

        // the citizen looks again: approved, and joins with the phone they signed in with
        phone.navigate().refresh();
        waitFor(phone).withMessage("the phone sees the approval").until(
                ExpectedConditions.attributeToBe(By.id("event-registration"), "data-status", "APPROVED"));
        click(phone, "event-register-join");
        click(phone, "event-join-phone");
        waitFor(phone).withMessage("joined: the live screen waits for a question").until(
                ExpectedConditions.visibilityOfElementLocated(By.id("event-waiting")));
    }

    private WebDriver open(int width, int height) {
        WebDriver browser = Browser.open(width, height);
        browsers.add(browser);
        return browser;
    }

    /** A phone that opened the card's QR link (the code filled in), joined and waits for the first question. */
    private WebDriver joinedPhone(String joinCode, String card) {
        WebDriver phone = open(390, 844);
        phone.get(Browser.SITE + "/m/#/events/" + joinCode + "?token=" + card);
        assertEquals(card, waitFor(phone).until(ExpectedConditions.visibilityOfElementLocated(By.id("event-token")))
                .getDomProperty("value"), "the card's link fills the code in");
        click(phone, "event-join-token");
        waitFor(phone).withMessage("the phone joined").until(ExpectedConditions.visibilityOfElementLocated(By.id("event-joined")));
        waitFor(phone).withMessage("the phone waits for a question").until(
                ExpectedConditions.visibilityOfElementLocated(By.id("event-waiting")));
        return phone;
    }

    private static void awaitPhoneQuestion(WebDriver phone, String pollId, String state) {
        waitFor(phone).withMessage("the phone shows question " + pollId + " " + state + " without a reload").until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(
                        "#event-question[data-poll='" + pollId + "'][data-state='" + state + "']")));
    }

    private static List<String> phoneLabels(WebDriver phone) {
        return waitFor(phone).until(d -> d.findElements(By.cssSelector("#event-question .choices-list label")).stream()
                .map(l -> l.getText().strip()).toList());
    }

    /** Taps the option's row (its label) and the vote button. */
    private static void vote(WebDriver phone, long optionId) {
        By input = By.cssSelector("#event-question input[name='event-option'][value='" + optionId + "']");
        waitFor(phone).ignoring(ElementClickInterceptedException.class).withMessage("option " + optionId + " can be chosen")
                .until(d -> {
            WebElement radio = d.findElement(input);
            d.findElement(By.cssSelector("#event-question label[for='" + radio.getDomAttribute("id") + "']")).click();
            return d.findElement(input).isSelected();
        });
        click(phone, "event-vote");
    }

    /**
     * Milliseconds from now until the presenter's bar shows {@code votes}, looked at every 50 ms for at most
     * {@code patience}; -1 when it did not.
     */
    private static long awaitPresenter(WebDriver presenter, String bar, String votes, Duration patience) {
        long start = System.nanoTime();
        long deadline = start + patience.toNanos();
        String script = "var b = document.querySelector(arguments[0]); return b ? b.getAttribute('data-votes') : null;";
        do {
            Object shown = ((JavascriptExecutor) presenter).executeScript(script, bar);
            if (votes.equals(shown)) {
                return Duration.ofNanos(System.nanoTime() - start).toMillis();
            }
            Citizens.sleep(50);
        } while (System.nanoTime() < deadline);
        return -1;
    }

    private static void logIn(WebDriver browser, String staffId) {
        browser.get(Browser.SITE + "/admin/");
        console(browser, "the portal asks for a login").until(ExpectedConditions.urlContains("login.xhtml"));
        type(browser, "login:id", staffId);
        type(browser, "login:password", Api.DEMO_PASSWORD);
        click(browser, "login:submit");
        console(browser, staffId + " is logged in").until(d -> !d.getCurrentUrl().contains("login.xhtml"));
    }

    /** The console's question row (div.console-question) of one poll, as a CSS selector. */
    private static String row(String pollId) {
        return "div.console-question[data-poll='" + pollId + "']";
    }

    /**
     * Clicks an element of a question row, found afresh each try: the console redraws itself every second, so an
     * element found a moment ago may have been replaced (or covered while a dialog fades in).
     */
    private static void clickInRow(WebDriver operator, String pollId, String css, String what) {
        clickFresh(operator, By.cssSelector(row(pollId) + " " + css), what + " (" + pollId + ")");
    }

    private static void clickFresh(WebDriver operator, By target, String what) {
        console(operator, "clicking " + what).until(d -> {
            WebElement element = d.findElement(target);
            if (!element.isDisplayed() || !element.isEnabled()) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Types into an input of a question row, found afresh each try, until it holds the text. */
    private static void typeInRow(WebDriver operator, String pollId, String css, String text) {
        By target = By.cssSelector(row(pollId) + " " + css);
        console(operator, "typing " + text + " into " + css + " (" + pollId + ")").until(d -> {
            WebElement field = d.findElement(target);
            if (!field.isDisplayed() || !field.isEnabled()) {
                return false;
            }
            field.clear();
            field.sendKeys(text);
            return text.equals(d.findElement(target).getDomProperty("value"));
        });
    }

    /** A wait on the console that looks again when a redraw got in its way, and says what the page said when it gives up. */
    private static WebDriverWait console(WebDriver browser, String what) {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(100)) {
            @Override
            protected RuntimeException timeoutException(String message, Throwable lastException) {
                String messages = browser.findElements(By.cssSelector(".ui-messages, .ui-message, .ui-growl")).stream()
                        .map(WebElement::getText).filter(t -> !t.isBlank()).reduce((a, b) -> a + " | " + b).orElse("-");
                return new TimeoutException(message + "\npage " + browser.getCurrentUrl() + " says: " + messages,
                        lastException);
            }
        };
        wait.withMessage(what);
        wait.ignoring(StaleElementReferenceException.class);
        wait.ignoring(ElementClickInterceptedException.class);
        wait.ignoring(ElementNotInteractableException.class);
        return wait;
    }

    // ---------------------------------------------------------------- REST

    private static JsonObject newEvent() {
        Api.Reply reply = Api.post("/admin/events", Json.createObjectBuilder().add("title", "주민 원탁회의 실시간 투표")
                .add("startsAt", Instant.now().plus(Duration.ofHours(1)).toString()).add("venue", "시청 대회의실")
                .add("rehearsal", false).build(), "Authorization", EVENT_OPERATOR);
        assertEquals(201, reply.status(), reply.body());
        return reply.json();
    }

    private static List<String> tokens(String eventId, int count) {
        Api.Reply reply = Api.post("/admin/events/" + eventId + "/tokens?count=" + count, null, "Authorization", EVENT_OPERATOR);
        assertTrue(reply.status() == 200 || reply.status() == 201, reply.body());
        List<String> codes = reply.json().getJsonArray("codes").getValuesAs(JsonString.class).stream()
                .map(JsonString::getString).toList();
        assertEquals(count, codes.size(), reply.body());
        return codes;
    }

    private static JsonObject addQuestion(String eventId, int round, String text, String... options) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String option : options) {
            list.add(option);
        }
        Api.Reply added = Api.post("/admin/events/" + eventId + "/questions", Json.createObjectBuilder().add("round", round)
                .add("question", Json.createObjectBuilder().add("type", "SINGLE_CHOICE").add("text", text)
                        .add("options", list).add("maxSelections", 1)).build(), "Authorization", EVENT_OPERATOR);
        assertEquals(200, added.status(), added.body());
        return added.json();
    }

    /** The console's questions over REST, until {@code find} returns one (up to 20 s). */
    private static JsonObject awaitConsole(String eventId, java.util.function.Function<List<JsonObject>, JsonObject> find,
            String what) {
        long deadline = System.currentTimeMillis() + 20_000;
        String last = "";
        while (true) {
            Api.Reply reply = Api.get("/admin/events/" + eventId + "/questions", "Authorization", EVENT_OPERATOR);
            assertEquals(200, reply.status(), reply.body());
            last = reply.body();
            JsonObject found = find.apply(reply.json().getJsonArray("questions").getValuesAs(JsonObject.class));
            if (found != null) {
                return found;
            }
            if (System.currentTimeMillis() > deadline) {
                return fail("not within 20 s: " + what + "; the console says " + last);
            }
            Citizens.sleep(100);
        }
    }

    private static JsonObject awaitQuestion(String eventId, String pollId, Predicate<JsonObject> wanted, String what) {
        return awaitConsole(eventId, all -> all.stream().filter(q -> q.getString("pollId").equals(pollId))
                .filter(wanted).findFirst().orElse(null), "question " + pollId + ": " + what);
    }

    /** label → option id, in the question's order. */
    private static Map<String, Long> optionIdsByLabel(JsonObject question) {
        return question.getJsonArray("counts").getValuesAs(JsonObject.class).stream().collect(Collectors.toMap(
                c -> c.getString("label"), c -> c.getJsonNumber("optionId").longValue(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    private static int position(JsonObject question, String label) {
        return question.getJsonArray("counts").getValuesAs(JsonObject.class).stream()
                .filter(c -> c.getString("label").equals(label)).findFirst().orElseThrow().getInt("position");
    }

    /** option id → one of phone / paper / combined. */
    private static Map<Long, Long> counts(JsonObject question, String which) {
        Map<Long, Long> counts = new TreeMap<>();
        question.getJsonArray("counts").getValuesAs(JsonObject.class).forEach(c ->
                counts.put(c.getJsonNumber("optionId").longValue(), c.getJsonNumber(which).longValue()));
        return counts;
    }

    private static Map<Long, Long> byId(Map<String, Long> optionIds, Map<String, Long> byLabel) {
        Map<Long, Long> counts = new TreeMap<>();
        byLabel.forEach((label, count) -> counts.put(optionIds.get(label), count));
        return counts;
    }
}
