package org.mvoting.web.rest.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Korean first everywhere (issue 18 part 7): one rule for the language of an answer, from the raw header. */
class ProblemResponsesTest {

    @Test
    void withoutAnAcceptLanguageOrWithAnUnreadableOneTheAnswerIsKorean() {
        assertEquals(Locale.KOREAN, ProblemResponses.preferred((String) null));
        assertEquals(Locale.KOREAN, ProblemResponses.preferred(""));
        assertEquals(Locale.KOREAN, ProblemResponses.preferred("  "));
        assertEquals(Locale.KOREAN, ProblemResponses.preferred("*"));
        assertEquals(Locale.KOREAN, ProblemResponses.preferred("fr-FR, de;q=0.5"), "neither language: Korean");
        assertEquals(Locale.KOREAN, ProblemResponses.preferred(";;;q=x,,=="));
        assertEquals(Locale.KOREAN, ProblemResponses.preferred("en;q=0"), "q=0 means not English");
    }

    @Test
    void englishOnlyWhenEnglishComesBeforeKorean() {
        assertEquals(Locale.ENGLISH, ProblemResponses.preferred("en"));
        assertEquals(Locale.ENGLISH, ProblemResponses.preferred("en-US,en;q=0.9"));
        assertEquals(Locale.ENGLISH, ProblemResponses.preferred("fr, en;q=0.8, ko;q=0.5"));
        assertEquals(Locale.KOREAN, ProblemResponses.preferred("ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7"));
        assertEquals(Locale.KOREAN, ProblemResponses.preferred("en;q=0.4, ko"), "by weight, not by position");
    }

    @Test
    void theFailedStaffLoginProblemIsKoreanByDefaultAndEnglishOnRequest() {
        String korean = ProblemResponses.body(401, "staff-login-failed", new Object[0],
                ProblemResponses.preferred((String) null), null).build().getString("title");
        String english = ProblemResponses.body(401, "staff-login-failed", new Object[0],
                ProblemResponses.preferred("en"), null).build().getString("title");
        assertEquals(true, korean.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL),
                korean);
        assertEquals(false, english.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL),
                english);
    }
}
