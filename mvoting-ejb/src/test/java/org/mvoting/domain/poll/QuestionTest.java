package org.mvoting.domain.poll;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;

/** Question defaults and refusals, exercised through {@link Poll#addQuestion} as production does. */
class QuestionTest {

    private static Question add(QuestionDraft draft) {
        return PollFixtures.draft().addQuestion(draft);
    }

    private static QuestionDraft draft(QuestionType type, List<String> options) {
        return new QuestionDraft(type, "Which?", options, null, null, null);
    }

    private static QuestionDraft bounded(QuestionType type, List<String> options, Integer min, Integer max) {
        return new QuestionDraft(type, "Which?", options, min, max, null);
    }

    private static QuestionDraft scale(Integer scaleMax) {
        return new QuestionDraft(QuestionType.SCALE, "How much?", List.of(), null, null, scaleMax);
    }

    private static List<String> labels(Question q) {
        return q.options().stream().map(AnswerOption::label).toList();
    }

    private static List<Integer> positions(Question q) {
        return q.options().stream().map(AnswerOption::position).toList();
    }

    private static InvalidPollException refused(QuestionDraft draft) {
        return assertThrows(InvalidPollException.class, () -> add(draft));
    }

    // --- YES_NO -----------------------------------------------------------------------------------------

    @Test
    void yesNoGetsTheFixedKoreanOptionsAndOneSelection() {
        Question q = add(draft(QuestionType.YES_NO, List.of()));

        assertEquals(List.of("예", "아니오"), labels(q));
        assertEquals(List.of(1, 2), positions(q));
        assertEquals(1, q.minSelections());
        assertEquals(1, q.maxSelections());
    }

    @Test
    void yesNoRefusesGivenOptions() {
        assertEquals("poll-yes-no-has-fixed-options",
                refused(draft(QuestionType.YES_NO, List.of("Yes", "No"))).code());
    }

    @Test
    void questionTextIsStripped() {
        Question q = add(new QuestionDraft(QuestionType.YES_NO, "  Agree?  ", List.of(), null, null, null));

        assertEquals("Agree?", q.text());
        assertEquals(QuestionType.YES_NO, q.type());
    }

    // --- SCALE ------------------------------------------------------------------------------------------

    @Test
    void scaleWithScaleMaxFiveGetsOneToFive() {
        Question q = add(scale(5));

        assertEquals(List.of("1", "2", "3", "4", "5"), labels(q));
        assertEquals(1, q.minSelections());
        assertEquals(1, q.maxSelections());
    }

    @Test
    void scaleWithoutScaleMaxDefaultsToFivePoints() {
        assertEquals(List.of("1", "2", "3", "4", "5"), labels(add(scale(null))));
    }

    @Test
    void scaleAcceptsTheLimitsTwoAndTen() {
        assertEquals(List.of("1", "2"), labels(add(scale(2))));
        assertEquals(IntStream.rangeClosed(1, 10).mapToObj(Integer::toString).toList(), labels(add(scale(10))));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 11, 100})
    void scaleOutsideTwoToTenIsRefused(int scaleMax) {
        assertEquals("poll-scale-range", refused(scale(scaleMax)).code());
    }

    @Test
    void scaleWithGivenOptionsUsesThem() {
        Question q = add(draft(QuestionType.SCALE, List.of("Bad", "OK", "Good")));

        assertEquals(List.of("Bad", "OK", "Good"), labels(q));
    }

    // --- SINGLE_CHOICE ----------------------------------------------------------------------------------

    @Test
    void singleChoiceKeepsTheGivenOptionsInOrderStripped() {
        Question q = add(draft(QuestionType.SINGLE_CHOICE, List.of(" North ", "South", "East")));

        assertEquals(List.of("North", "South", "East"), labels(q));
        assertEquals(List.of(1, 2, 3), positions(q));
        assertEquals(1, q.minSelections());
        assertEquals(1, q.maxSelections());
    }

    @Test
    void singleChoiceNeedsAtLeastTwoOptions() {
        assertEquals("poll-too-few-options", refused(draft(QuestionType.SINGLE_CHOICE, List.of("Only"))).code());
        assertEquals("poll-too-few-options", refused(draft(QuestionType.SINGLE_CHOICE, List.of())).code());
    }

    @Test
    void singleChoiceIgnoresRequestedSelectionBounds() {
        Question q = add(bounded(QuestionType.SINGLE_CHOICE, List.of("A", "B", "C"), 2, 3));

        assertEquals(1, q.minSelections());
        assertEquals(1, q.maxSelections());
    }

    // --- MULTIPLE_CHOICE --------------------------------------------------------------------------------

    @Test
    void multipleChoiceDefaultsToOneUpToAllOptions() {
        Question q = add(draft(QuestionType.MULTIPLE_CHOICE, List.of("A", "B", "C", "D")));

        assertEquals(1, q.minSelections());
        assertEquals(4, q.maxSelections());
    }

    @Test
    void multipleChoiceKeepsValidExplicitBounds() {
        Question q = add(bounded(QuestionType.MULTIPLE_CHOICE, List.of("A", "B", "C", "D"), 2, 3));

        assertEquals(2, q.minSelections());
        assertEquals(3, q.maxSelections());
    }

    @Test
    void multipleChoiceRefusesAMinimumBelowOne() {
        assertEquals("poll-selection-bounds",
                refused(bounded(QuestionType.MULTIPLE_CHOICE, List.of("A", "B", "C"), 0, 2)).code());
    }

    @Test
    void multipleChoiceRefusesAMaximumAboveTheOptionCount() {
        assertEquals("poll-selection-bounds",
                refused(bounded(QuestionType.MULTIPLE_CHOICE, List.of("A", "B", "C"), 1, 4)).code());
    }

    @Test
    void multipleChoiceRefusesAMaximumBelowTheMinimum() {
        assertEquals("poll-selection-bounds",
                refused(bounded(QuestionType.MULTIPLE_CHOICE, List.of("A", "B", "C"), 3, 2)).code());
    }

    @Test
    void multipleChoiceRefusesAMinimumAboveTheDefaultMaximum() {
        assertEquals("poll-selection-bounds",
                refused(bounded(QuestionType.MULTIPLE_CHOICE, List.of("A", "B", "C"), 4, null)).code());
    }

    // --- RANKING ----------------------------------------------------------------------------------------

    @Test
    void rankingDefaultsToRankingEveryOption() {
        Question q = add(draft(QuestionType.RANKING, List.of("A", "B", "C")));

        assertEquals(3, q.minSelections());
        assertEquals(3, q.maxSelections());
    }

    @Test
    void rankingMayAllowAPartialRanking() {
        Question q = add(bounded(QuestionType.RANKING, List.of("A", "B", "C", "D"), 1, 2));

        assertEquals(1, q.minSelections());
        assertEquals(2, q.maxSelections());
    }

    @Test
    void rankingRefusesAMaximumBelowTheDefaultMinimum() {
        assertEquals("poll-selection-bounds",
                refused(bounded(QuestionType.RANKING, List.of("A", "B", "C"), null, 2)).code());
    }

    // --- option lists -----------------------------------------------------------------------------------

    @Test
    void duplicateOptionLabelsAreRefused() {
        assertEquals("poll-duplicate-options",
                refused(draft(QuestionType.SINGLE_CHOICE, List.of("A", "B", "A"))).code());
    }

    @Test
    void labelsThatOnlyDifferInSurroundingSpaceAreDuplicates() {
        assertEquals("poll-duplicate-options",
                refused(draft(QuestionType.MULTIPLE_CHOICE, List.of("Park", " Park "))).code());
    }

    @Test
    void thirtyOptionsAreAllowed() {
        List<String> thirty = IntStream.rangeClosed(1, 30).mapToObj(i -> "Option " + i).toList();

        Question q = add(draft(QuestionType.MULTIPLE_CHOICE, thirty));

        assertEquals(30, q.options().size());
        assertEquals(30, q.maxSelections());
    }

    @Test
    void moreThanThirtyOptionsAreRefused() {
        List<String> many = IntStream.rangeClosed(1, 31).mapToObj(i -> "Option " + i).toList();

        assertEquals("poll-too-many-options", refused(draft(QuestionType.SINGLE_CHOICE, many)).code());
    }

    @Test
    void refusedQuestionIsNotAddedToThePoll() {
        Poll poll = PollFixtures.draft();

        assertThrows(InvalidPollException.class,
                () -> poll.addQuestion(draft(QuestionType.SINGLE_CHOICE, List.of("A", "A"))));
        assertEquals(0, poll.questions().size());
    }
}
