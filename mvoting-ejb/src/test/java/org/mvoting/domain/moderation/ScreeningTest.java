package org.mvoting.domain.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Screening a whole poll: fields named in hits, their order, and texts with nothing to find. */
class ScreeningTest {

    private static final Screening SCREENING = new Screening(WordLists.defaults());

    @Test
    void screenAllNamesEachHitsFieldInTheMapsOrder() {
        LinkedHashMap<String, String> poll = new LinkedHashMap<>();
        poll.put("title", "우리 동네 공원 이름 정하기");
        poll.put("description", "문의 010-1234-5678");
        poll.put("question 1", "지방선거 전에 정할까요?");
        poll.put("question 1 option 1", "네");
        poll.put("question 1 option 2", "씨.발 아니요");

        assertEquals(List.of(
                new ScreeningHit(ScreeningCategory.PHONE_NUMBER, "description", "010-****-5678"),
                new ScreeningHit(ScreeningCategory.POLITICAL, "question 1", "선거"),
                new ScreeningHit(ScreeningCategory.ABUSIVE, "question 1 option 2", "씨.발")),
                SCREENING.screenAll(poll));
    }

    @Test
    void theSameMatchInTwoFieldsIsReportedForEach() {
        LinkedHashMap<String, String> poll = new LinkedHashMap<>();
        poll.put("title", "할인");
        poll.put("description", "할인 할인");

        assertEquals(List.of(new ScreeningHit(ScreeningCategory.COMMERCIAL, "title", "할인"),
                        new ScreeningHit(ScreeningCategory.COMMERCIAL, "description", "할인")),
                SCREENING.screenAll(poll));
    }

    @Test
    void anOrdinaryPollHasNoHits() {
        LinkedHashMap<String, String> poll = new LinkedHashMap<>();
        poll.put("title", "2027년 벚꽃 축제 날짜 투표");
        poll.put("description", "축제는 2027-04-01부터 열흘간 열립니다. 입장료는 1,000원이며 예산은 15,000,000원입니다.\n"
                + "도시발전 계획과 연계해 시 발표에 따라 진행합니다. Please vote for your favourite date!");
        poll.put("question 1", "어느 주말이 좋으세요?");
        poll.put("question 1 option 1", "4월 3일 ~ 4일");
        poll.put("question 1 option 2", "4월 10일 ~ 11일");
        poll.put("question 2", "축제 후보 장소 중 한 곳을 고르세요");
        poll.put("question 2 option 1", null);

        assertEquals(List.of(), SCREENING.screenAll(poll));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "\n\t"})
    void anEmptyTextHasNoHits(String text) {
        assertEquals(List.of(), SCREENING.screen("description", text));
    }

    @Test
    void aFieldNameIsRequired() {
        assertThrows(NullPointerException.class, () -> SCREENING.screen(null, "text"));
        assertThrows(NullPointerException.class, () -> new Screening(null));
    }

    @Test
    void hitsCannotBeChangedByTheCaller() {
        List<ScreeningHit> hits = SCREENING.screen("title", "씨발");

        assertThrows(UnsupportedOperationException.class, hits::clear);
    }

    @Test
    void personalInformationAndWordsAreFoundTogetherInOrder() {
        List<ScreeningHit> hits = SCREENING.screen("description", "쿠폰 받으려면 hong@example.com 으로, 개새끼들아");

        assertEquals(List.of(
                new ScreeningHit(ScreeningCategory.COMMERCIAL, "description", "쿠폰"),
                new ScreeningHit(ScreeningCategory.EMAIL, "description", "h***@example.com"),
                new ScreeningHit(ScreeningCategory.ABUSIVE, "description", "개새끼")), hits);
    }

    @Test
    void longAndHostileTextsAreScreenedQuickly() {
        // Inputs shaped to make careless patterns backtrack: long runs of digits, separators and mailbox characters.
        List<String> texts = List.of(
                "0".repeat(4000),
                "010-".repeat(1000),
                "a.".repeat(2000) + "@",
                "a".repeat(3000) + "@" + "b.".repeat(500),
                "씨 ".repeat(2000),
                "1 ".repeat(2000),
                ("축제 예산은 1,000원, 문의 02-123-4567, hong@example.com 씨.발 선거 할인 ").repeat(60));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            for (int round = 0; round < 50; round++) {
                for (String text : texts) {
                    SCREENING.screen("description", text);
                }
            }
        });
        assertTrue(SCREENING.screen("description", texts.get(6)).size() >= 5);
    }
}
