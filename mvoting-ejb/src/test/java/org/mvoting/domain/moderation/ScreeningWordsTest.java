package org.mvoting.domain.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Abusive, political and commercial words with the default lists, and moderators' additions. */
class ScreeningWordsTest {

    private static final Screening SCREENING = new Screening(WordLists.defaults());

    private static List<ScreeningHit> screen(String text) {
        return SCREENING.screen("title", text);
    }

    private static ScreeningHit hit(ScreeningCategory category, String match) {
        return new ScreeningHit(category, "title", match);
    }

    // Abusive, Korean

    @Test
    void koreanProfanityIsFound() {
        assertEquals(List.of(hit(ScreeningCategory.ABUSIVE, "씨발")), screen("이게 무슨 정책이냐 씨발"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"씨.발", "씨 발", "씨1발", "씨_발", "씨-발", "씨 . 발", "씨  발", "씨12발", "씨·발"})
    void spreadOutKoreanProfanityIsFoundAsWritten(String written) {
        assertEquals(List.of(hit(ScreeningCategory.ABUSIVE, written)), screen("정말 " + written + " 이게 뭐야"));
    }

    @Test
    void spreadOutProfanityAtTheEdgesOfTheTextIsFound() {
        assertEquals(List.of(hit(ScreeningCategory.ABUSIVE, "씨.발")), screen("씨.발"));
        assertEquals(List.of(hit(ScreeningCategory.ABUSIVE, "병 신")), screen("이 병 신!"));
    }

    @Test
    void koreanProfanityWithAnEndingIsFound() {
        assertEquals(List.of(hit(ScreeningCategory.ABUSIVE, "개새끼")), screen("저 개새끼들"));
        assertEquals(List.of(hit(ScreeningCategory.ABUSIVE, "씨발")), screen("씨발놈아"));
    }

    @Test
    void abbreviationsInJamoAreFound() {
        assertEquals(List.of(hit(ScreeningCategory.ABUSIVE, "ㅅㅂ")), screen("ㅋㅋㅋ ㅅㅂ"));
        assertEquals(List.of(hit(ScreeningCategory.ABUSIVE, "ㅅ.ㅂ")), screen("아 ㅅ.ㅂ"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"홍길동 씨 발언에 대해", "아저씨 발표를 들었다", "김씨 발 빠른 대응", "아가씨 발레 공연",
                            "솜씨 1발 차이"})
    void neighbouringWordsThatOnlyReadAsProfanityWhenJoinedAreNotFound(String text) {
        // Each reads 씨발 once the gap is closed, but the joined word does not stand alone.
        assertEquals(List.of(), screen(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"도시발전 계획", "변화의 시발점", "동시발생 민원", "임시발급 창구", "영향을 미친 결과",
                            "강아지 새끼 입양", "가로등 불이 꺼져 있어요", "닥쳐올 폭염 대책", "등신대 조형물",
                            "엄마를 졸라 산 자전거", "시 발표에 따르면", "정당한 보상을 원합니다", "공원 후보지",
                            "디자인 후보 3개 중", "공모전 당선작", "주민 결정권 강화", "도서 대출 기간 연장",
                            "우선 거래 대상", "Scunthorpe twin city", "class assignment", "Shitake mushrooms"})
    void innocentWordsThatContainAListedWordAreNotFound(String text) {
        assertEquals(List.of(), screen(text));
    }

    // Abusive, English

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "this is fucking stupid  | fucking",
        "FUCK this               | FUCK",
        "Shit.                   | Shit",
        "what bullshit           | bullshit",
        "(asshole)               | asshole",
        "bitch!!                 | bitch",
        "bitch라고               | bitch",
    })
    void englishProfanityIsFoundAsWrittenInAnyCase(String text, String match) {
        assertEquals(List.of(hit(ScreeningCategory.ABUSIVE, match)), screen(text));
    }

    @Test
    void englishWordsMatchOnlyWholeWords() {
        Screening withAss = new Screening(WordLists.defaults().with(ScreeningCategory.ABUSIVE, List.of("ass")));

        assertEquals(List.of(), withAss.screen("title", "class assessment: pass the bass"));
        assertEquals(List.of(new ScreeningHit(ScreeningCategory.ABUSIVE, "title", "ass")),
                withAss.screen("title", "what an ass"));
        assertEquals(List.of(new ScreeningHit(ScreeningCategory.ABUSIVE, "title", "Ass")),
                withAss.screen("title", "Ass-kicking idea"));
    }

    // Political

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "지방선거 공약을 평가해 주세요 | 선거",
        "국회의원 세비 인상            | 국회의원",
        "대통령 탄핵에 찬성하십니까    | 탄핵",
        "여론조사 지지율이 떨어졌다    | 지지율",
        "다음 총선에서                 | 총선",
        "The election is coming        | election",
        "Election에 대해               | Election",
        "support the impeachment       | impeachment",
        "a political  party poll       | political  party",
    })
    void politicalWordsAreFound(String text, String match) {
        assertEquals(List.of(hit(ScreeningCategory.POLITICAL, match)), screen(text));
    }

    @Test
    void overlappingPhrasesAreEachFound() {
        assertEquals(List.of(hit(ScreeningCategory.POLITICAL, "정당 지지"), hit(ScreeningCategory.POLITICAL, "지지율")),
                screen("정당 지지율 조사"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"대통령 선거를 앞두고", "대통령선거 여론"})
    void aListedPhraseIsFoundWithOrWithoutItsSpaceAndTheShorterWordInsideItIsNotRepeated(String text) {
        List<ScreeningHit> hits = screen(text);

        assertEquals(1, hits.size());
        assertEquals(ScreeningCategory.POLITICAL, hits.get(0).category());
        assertEquals(text.substring(0, hits.get(0).match().length()), hits.get(0).match());
    }

    @ParameterizedTest
    @ValueSource(strings = {"투표", "어느 쪽에 투표하시겠습니까?", "투표 결과는 공개됩니다", "주민투표",
                            "Which candidate design do you vote for on this ballot?"})
    void votingItselfIsNotPolitical(String text) {
        assertEquals(List.of(), screen(text));
    }

    // Commercial

    @Test
    void commercialWordsAreFound() {
        assertEquals(List.of(hit(ScreeningCategory.COMMERCIAL, "할인"), hit(ScreeningCategory.COMMERCIAL, "쿠폰")),
                screen("참여하면 할인 쿠폰 드려요"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "무료 체험 신청         | 무료 체험",
        "무료체험 신청          | 무료체험",
        "이벤트 당첨 안내       | 이벤트 당첨",
        "Use promo code SAVE10  | promo code",
        "Buy-now and save       | Buy-now",
        "start your Free Trial  | Free Trial",
        "30% discount today     | discount",
    })
    void commercialPhrasesAreFoundWithTheirSpacing(String text, String match) {
        assertEquals(List.of(hit(ScreeningCategory.COMMERCIAL, match)), screen(text));
    }

    // Several and repeated

    @Test
    void eachDistinctMatchIsReportedOncePerField() {
        assertEquals(List.of(hit(ScreeningCategory.ABUSIVE, "씨발")), screen("씨발 씨발 씨발"));
        assertEquals(List.of(hit(ScreeningCategory.ABUSIVE, "씨발"), hit(ScreeningCategory.ABUSIVE, "씨.발")),
                screen("씨발 그리고 씨.발 또 씨발"));
    }

    @Test
    void wordsOfDifferentCategoriesAreAllFoundInOrder() {
        assertEquals(List.of(
                hit(ScreeningCategory.COMMERCIAL, "광고"),
                hit(ScreeningCategory.POLITICAL, "선거"),
                hit(ScreeningCategory.ABUSIVE, "fuck")), screen("광고: 선거 fuck"));
    }

    // Moderators' additions

    @Test
    void wordsAddedByModeratorsAreFound() {
        Screening before = SCREENING;
        Screening after = new Screening(WordLists.defaults()
                .with(ScreeningCategory.ABUSIVE, List.of("빡대가리"))
                .with(ScreeningCategory.POLITICAL, List.of("  Mayor   Race "))
                .with(ScreeningCategory.COMMERCIAL, List.of("공동구매")));
        String text = "빡대가리 같은 mayor race 공동구매";

        assertEquals(List.of(hit(ScreeningCategory.COMMERCIAL, "구매")), before.screen("title", text));
        assertEquals(List.of(
                hit(ScreeningCategory.ABUSIVE, "빡대가리"),
                hit(ScreeningCategory.POLITICAL, "mayor race"),
                hit(ScreeningCategory.COMMERCIAL, "공동구매")), after.screen("title", text));
    }

    @Test
    void emptyListsFindNoWords() {
        Screening nothingListed = new Screening(new WordLists(Set.of(), Set.of(), Set.of()));

        assertEquals(List.of(), nothingListed.screen("title", "씨발 선거 할인 fuck election discount"));
    }
}
