package org.mvoting.domain.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped word lists and moderators' additions (named Screening* to run with the screening tests). */
class ScreeningWordListsTest {

    private static final WordLists DEFAULTS = WordLists.defaults();
    private static final List<ScreeningCategory> WORD_CATEGORIES =
            List.of(ScreeningCategory.ABUSIVE, ScreeningCategory.POLITICAL, ScreeningCategory.COMMERCIAL);

    @Test
    void defaultsAreReadFromTheResourceFiles() {
        assertTrue(DEFAULTS.abusive().containsAll(Set.of("씨발", "개새끼", "fuck", "motherfucker")));
        assertTrue(DEFAULTS.political().containsAll(Set.of("선거", "대통령 선거", "국회의원", "탄핵", "election")));
        assertTrue(DEFAULTS.commercial().containsAll(Set.of("할인", "쿠폰", "무료 체험", "promo code", "free trial")));
    }

    @Test
    void defaultsAreReadOnce() {
        assertSame(WordLists.defaults(), WordLists.defaults());
    }

    @ParameterizedTest
    @EnumSource(value = ScreeningCategory.class, names = {"ABUSIVE", "POLITICAL", "COMMERCIAL"})
    void eachDefaultListIsShort(ScreeningCategory category) {
        int size = DEFAULTS.words(category).size();

        assertTrue(size >= 15 && size <= 40, category + " has " + size + " entries");
    }

    @Test
    void defaultsHoldNoCommentsBlanksOrUnnormalisedEntries() {
        for (ScreeningCategory category : WORD_CATEGORIES) {
            for (String entry : DEFAULTS.words(category)) {
                assertFalse(entry.startsWith("#"), entry);
                assertFalse(entry.isBlank(), category.name());
                assertEquals(entry.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " "), entry);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"투표", "후보", "정당", "vote", "ballot", "candidate", "poll", "시발", "새끼", "미친"})
    void ambiguousWordsAreNotInTheDefaults(String word) {
        for (ScreeningCategory category : WORD_CATEGORIES) {
            assertFalse(DEFAULTS.words(category).contains(word), word + " in " + category);
        }
    }

    @Test
    void withAddsToOneListOnly() {
        WordLists added = DEFAULTS.with(ScreeningCategory.COMMERCIAL, List.of("공동구매"));

        assertTrue(added.commercial().contains("공동구매"));
        assertEquals(DEFAULTS.commercial().size() + 1, added.commercial().size());
        assertEquals(DEFAULTS.abusive(), added.abusive());
        assertEquals(DEFAULTS.political(), added.political());
        assertFalse(DEFAULTS.commercial().contains("공동구매"));
        assertNotSame(DEFAULTS, added);
    }

    @Test
    void withTrimsLowerCasesAndDropsBlankEntries() {
        WordLists added = DEFAULTS.with(ScreeningCategory.POLITICAL,
                Arrays.asList("  Mayor   RACE ", "", "   ", null, "시장  출마", "ELECTION"));

        assertTrue(added.political().containsAll(Set.of("mayor race", "시장 출마")));
        assertEquals(DEFAULTS.political().size() + 2, added.political().size());
        assertTrue(added.political().stream().noneMatch(String::isBlank));
    }

    @ParameterizedTest
    @EnumSource(value = ScreeningCategory.class, names = {"RESIDENT_REGISTRATION_NUMBER", "PHONE_NUMBER", "EMAIL"})
    void personalInformationHasNoWordList(ScreeningCategory category) {
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.with(category, List.of("x")));
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.words(category));
    }

    @Test
    void theConstructorNormalisesToo() {
        WordLists lists = new WordLists(Set.of(" Foo ", "BAR baz"), Set.of(""), Set.of("할인"));

        assertEquals(Set.of("foo", "bar baz"), lists.abusive());
        assertEquals(Set.of(), lists.political());
        assertEquals(Set.of("할인"), lists.commercial());
    }

    @Test
    void listsCannotBeChangedFromOutside() {
        assertThrows(UnsupportedOperationException.class, () -> DEFAULTS.abusive().add("x"));
        assertThrows(NullPointerException.class, () -> new WordLists(null, Set.of(), Set.of()));
    }
}
