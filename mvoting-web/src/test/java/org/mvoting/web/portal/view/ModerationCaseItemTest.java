package org.mvoting.web.portal.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.citizenpolls.ModerationCase;
import org.mvoting.api.citizenpolls.ReportReason;
import org.mvoting.api.citizenpolls.ScreeningFinding;
import org.mvoting.api.polls.PollStatus;

/** A case on the moderation page: its state and reports in words, its texts with the findings marked. */
class ModerationCaseItemTest {

    private static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");

    private static String pieces(List<ModerationTextItem.Piece> pieces) {
        return String.join("|", pieces.stream().map(ModerationTextItem.Piece::toString).toList());
    }

    private static List<ModerationTextItem.Piece> highlight(String text, ScreeningFinding... findings) {
        return ModerationTextItem.highlight(text, List.of(findings), Locale.KOREAN);
    }

    @Test
    void everyOccurrenceOfAFindingIsMarkedAndTheRestStaysPlain() {
        assertEquals("구청장 |[POLITICAL:선거]| 누구 뽑을까요, |[POLITICAL:선거]|!",
                pieces(highlight("구청장 선거 누구 뽑을까요, 선거!", new ScreeningFinding("POLITICAL", "title", "선거"))));
        assertEquals("[COMMERCIAL:할인]| |[COMMERCIAL:쿠폰]| 드려요", pieces(highlight("할인 쿠폰 드려요",
                new ScreeningFinding("COMMERCIAL", "title", "쿠폰"), new ScreeningFinding("COMMERCIAL", "title", "할인"))));
        assertEquals("Big |[COMMERCIAL:SALE]| today", pieces(highlight("Big SALE today",
                new ScreeningFinding("COMMERCIAL", "title", "sale"))), "case does not matter");
    }

    @Test
    void overlappingFindingsMarkTheFirstAndLongestOnce() {
        List<ModerationTextItem.Piece> marked = highlight("대통령선거 이야기",
                new ScreeningFinding("POLITICAL", "title", "선거"), new ScreeningFinding("POLITICAL", "title", "대통령선거"));
        assertEquals("[POLITICAL:대통령선거]| 이야기", pieces(marked));
        assertEquals("정치", marked.get(0).getCategoryText());
    }

    @Test
    void aMatchNotInTheTextMarksNothingAndMarkupStaysText() {
        // personal information is quoted masked: nothing to mark; markup is a piece of text the page escapes
        String text = "<script>alert(1)</script> 010-1234-5678";
        List<ModerationTextItem.Piece> plain = highlight(text, new ScreeningFinding("PHONE_NUMBER", "title", "010-****-5678"));
        assertEquals(1, plain.size());
        assertEquals(text, plain.get(0).getText());
        assertFalse(plain.get(0).isMark());
        assertEquals(List.of(), highlight("", new ScreeningFinding("POLITICAL", "title", "선거")));
        assertEquals("a|[ABUSIVE:<b>]|c", pieces(highlight("a<b>c", new ScreeningFinding("ABUSIVE", "title", "<b>"))));
    }

    @Test
    void aHeldCaseInWordsWithItsTextsLabelledAndOnlyItsOwnFieldsFindingsMarked() {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("title", "구청장 선거 누구 뽑을까요");
        texts.put("description", "선거 이야기는 설명에도");
        texts.put("question 1", "어느 쪽이 좋을까요?");
        texts.put("question 1 option 2", "나");
        ModerationCase c = new ModerationCase(ID, "구청장 선거 누구 뽑을까요", PollStatus.PENDING_APPROVAL, false,
                Instant.parse("2027-03-01T00:05:00Z"), List.of(new ScreeningFinding("POLITICAL", "title", "선거")),
                Map.of(), texts);
        ModerationCaseItem item = new ModerationCaseItem(c, Locale.KOREAN);
        assertEquals(ID.toString(), item.getPollId());
        assertEquals("2027-03-01 09:05", item.getCreatedAt(), "on the city's clock");
        assertEquals(ModerationCaseItem.HELD, item.getState());
        assertTrue(item.isHeld());
        assertEquals("검사에서 보류됨 (아직 공개되지 않았습니다)", item.getStateText());
        assertFalse(item.isHasReports());
        assertEquals(List.of("제목", "설명", "질문 1", "질문 1의 보기 2"),
                item.getTexts().stream().map(ModerationTextItem::getLabel).toList());
        assertTrue(item.getTexts().get(0).isHasFinding());
        assertFalse(item.getTexts().get(1).isHasFinding(), "the description has no finding of its own");
        FindingItem finding = item.getFindings().get(0);
        assertEquals("정치", finding.getCategoryText());
        assertEquals("제목", finding.getFieldLabel());
        assertEquals("선거", finding.getMatch());
    }

    @Test
    void aHiddenCaseListsItsReportsPerReasonInWords() {
        Map<String, Long> reports = new LinkedHashMap<>();
        reports.put("SPAM", 2L);
        reports.put("ABUSIVE", 1L);
        ModerationCase c = new ModerationCase(ID, "공원 산책로 조명", PollStatus.OPEN, true, Instant.now(), List.of(),
                reports, Map.of("title", "공원 산책로 조명"));
        ModerationCaseItem item = new ModerationCaseItem(c, Locale.KOREAN);
        assertEquals(ModerationCaseItem.HIDDEN, item.getState());
        assertEquals("신고가 쌓여 숨겨짐", item.getStateText());
        assertTrue(item.isHasReports());
        assertEquals(3, item.getReportTotal());
        assertEquals(List.of("욕설·비방 1건", "스팸·도배 2건"), item.getReports().stream().map(ReportCountItem::getText).toList());
        ModerationCaseItem english = new ModerationCaseItem(c, Locale.ENGLISH);
        assertEquals("Hidden after reports", english.getStateText());
        assertEquals("Spam: 2", english.getReports().get(1).getText());
    }

    @Test
    void everyCategoryAndReasonHasItsWordsInBothLanguages() {
        for (Locale locale : List.of(Locale.KOREAN, Locale.ENGLISH)) {
            for (String category : List.of("RESIDENT_REGISTRATION_NUMBER", "PHONE_NUMBER", "EMAIL", "ABUSIVE", "POLITICAL",
                    "COMMERCIAL")) {
                String text = FindingItem.categoryText(category, locale);
                assertFalse(text.startsWith("???") || text.equals(category), locale + " " + category + ": " + text);
            }
            for (ReportReason reason : ReportReason.values()) {
                String text = ReportCountItem.reasonText(reason.name(), locale);
                assertFalse(text.startsWith("???") || text.equals(reason.name()), locale + " " + reason + ": " + text);
            }
        }
        assertEquals("상업·광고", FindingItem.categoryText("COMMERCIAL", Locale.KOREAN));
        assertEquals("SOMETHING_NEW", FindingItem.categoryText("SOMETHING_NEW", Locale.KOREAN));
        assertEquals("Question 2, option 3", ModerationTextItem.label("question 2 option 3", Locale.ENGLISH));
    }

    @Test
    void theWordListsAlwaysShowTheThreeListsModeratorsMayExtend() {
        List<WordListItem> lists = WordListItem.of(Map.of("POLITICAL", List.of("총선")), Locale.KOREAN);
        assertEquals(List.of("ABUSIVE", "POLITICAL", "COMMERCIAL"), lists.stream().map(WordListItem::getCategory).toList());
        assertEquals(List.of(), lists.get(0).getWords());
        assertEquals(List.of("총선"), lists.get(1).getWords());
        assertEquals("욕설·비방", lists.get(0).getCategoryText());
    }
}
