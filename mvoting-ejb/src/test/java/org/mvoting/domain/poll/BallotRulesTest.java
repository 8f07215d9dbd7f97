package org.mvoting.domain.poll;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mvoting.api.ballots.AnswerMark;
import org.mvoting.api.ballots.BallotPaper;
import org.mvoting.api.errors.ErrorKind;
import org.mvoting.api.errors.InvalidBallotException;
import org.mvoting.api.errors.InvalidBallotException.Reason;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.AudienceType;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.domain.poll.BallotRules.QuestionRule;

class BallotRulesTest {

    // question 10: yes/no (options 101, 102)
    private static final QuestionRule YES_NO =
            new QuestionRule(10, QuestionType.YES_NO, 1, 1, List.of(101L, 102L));
    // question 20: pick 2..3 of 201..204
    private static final QuestionRule MULTIPLE =
            new QuestionRule(20, QuestionType.MULTIPLE_CHOICE, 2, 3, List.of(201L, 202L, 203L, 204L));
    // question 30: rank all of 301..304
    private static final QuestionRule RANKING =
            new QuestionRule(30, QuestionType.RANKING, 4, 4, List.of(301L, 302L, 303L, 304L));

    private static BallotRules rules(QuestionRule... questions) {
        return new BallotRules(UUID.randomUUID(), AudienceType.OPEN, AssuranceLevel.SMS_VERIFIED,
                List.of(questions));
    }

    private static AnswerMark answer(long questionId, Long... optionIds) {
        return new AnswerMark(questionId, List.of(optionIds));
    }

    private static BallotPaper ballot(AnswerMark... answers) {
        return new BallotPaper(List.of(answers));
    }

    private static InvalidBallotException refused(BallotRules rules, BallotPaper ballot) {
        return assertThrows(InvalidBallotException.class, () -> rules.validate(ballot));
    }

    // --- happy paths ------------------------------------------------------------------------------------

    @Test
    void validBallotGivesOneMarkPerChosenOptionWithoutRankOrPointsForNonRankingQuestions() {
        List<Mark> marks = rules(YES_NO, MULTIPLE).validate(ballot(answer(10, 102L), answer(20, 204L, 201L)));

        assertEquals(List.of(
                new Mark(10, 102, null, 0),
                new Mark(20, 204, null, 0),
                new Mark(20, 201, null, 0)), marks);
    }

    @Test
    void marksFollowTheQuestionOrderNotTheAnswerOrder() {
        List<Mark> marks = rules(YES_NO, MULTIPLE).validate(ballot(answer(20, 201L, 202L), answer(10, 101L)));

        assertEquals(10, marks.get(0).questionId());
        assertEquals(20, marks.get(1).questionId());
        assertEquals(20, marks.get(2).questionId());
    }

    @Test
    void rankingMarksCarryOneBasedRankAndBordaPoints() {
        List<Mark> marks = rules(RANKING).validate(ballot(answer(30, 303L, 301L, 304L, 302L)));

        assertEquals(List.of(
                new Mark(30, 303, 1, 4),
                new Mark(30, 301, 2, 3),
                new Mark(30, 304, 3, 2),
                new Mark(30, 302, 4, 1)), marks);
    }

    @Test
    void partialRankingStillScoresFromTheNumberOfOptions() {
        QuestionRule topTwo = new QuestionRule(40, QuestionType.RANKING, 1, 2, List.of(401L, 402L, 403L, 404L, 405L));

        List<Mark> marks = rules(topTwo).validate(ballot(answer(40, 405L, 402L)));

        assertEquals(List.of(new Mark(40, 405, 1, 5), new Mark(40, 402, 2, 4)), marks);
    }

    @Test
    void aBallotForEveryQuestionTypeTogetherIsAccepted() {
        List<Mark> marks = rules(YES_NO, MULTIPLE, RANKING)
                .validate(ballot(answer(10, 101L), answer(20, 202L, 203L, 204L), answer(30, 301L, 302L, 303L, 304L)));

        assertEquals(1 + 3 + 4, marks.size());
        assertEquals(4 + 3 + 2 + 1, marks.stream().mapToInt(Mark::points).sum());
    }

    @Test
    void questionRuleCopiesItsOptionIds() {
        java.util.ArrayList<Long> ids = new java.util.ArrayList<>(List.of(1L, 2L));
        QuestionRule rule = new QuestionRule(1, QuestionType.YES_NO, 1, 1, ids);
        ids.add(3L);

        assertEquals(List.of(1L, 2L), rule.optionIds());
    }

    // --- refusals ---------------------------------------------------------------------------------------

    @Test
    void answerToAQuestionNotInThePollIsRefused() {
        InvalidBallotException e = refused(rules(YES_NO), ballot(answer(10, 101L), answer(99, 101L)));

        assertEquals(Reason.UNKNOWN_QUESTION, e.reason());
        assertEquals("ballot-unknown-question", e.code());
        assertEquals(ErrorKind.INVALID, e.kind());
        assertArrayEquals(new Object[] {99L}, e.arguments());
    }

    @Test
    void twoAnswersToTheSameQuestionAreRefused() {
        InvalidBallotException e = refused(rules(YES_NO), ballot(answer(10, 101L), answer(10, 102L)));

        assertEquals(Reason.DUPLICATE_ANSWER, e.reason());
        assertEquals("ballot-duplicate-answer", e.code());
        assertArrayEquals(new Object[] {10L}, e.arguments());
    }

    @Test
    void unansweredQuestionIsRefused() {
        InvalidBallotException e = refused(rules(YES_NO, MULTIPLE), ballot(answer(10, 101L)));

        assertEquals(Reason.MISSING_ANSWER, e.reason());
        assertEquals("ballot-missing-answer", e.code());
        assertArrayEquals(new Object[] {20L}, e.arguments());
    }

    @Test
    void optionIdThatExistsNowhereIsRefused() {
        InvalidBallotException e = refused(rules(YES_NO), ballot(answer(10, 999L)));

        assertEquals(Reason.OPTION_NOT_IN_QUESTION, e.reason());
        assertEquals("ballot-option-not-in-question", e.code());
        assertArrayEquals(new Object[] {999L, 10L}, e.arguments());
    }

    @Test
    void optionOfAnotherQuestionOfTheSamePollIsRefused() {
        // 201 is a real option of this poll, but of question 20, not question 10
        InvalidBallotException e = refused(rules(YES_NO, MULTIPLE),
                ballot(answer(10, 201L), answer(20, 202L, 203L)));

        assertEquals(Reason.OPTION_NOT_IN_QUESTION, e.reason());
        assertArrayEquals(new Object[] {201L, 10L}, e.arguments());
    }

    @Test
    void sameOptionChosenTwiceIsRefused() {
        InvalidBallotException e = refused(rules(MULTIPLE), ballot(answer(20, 202L, 202L)));

        assertEquals(Reason.DUPLICATE_OPTION, e.reason());
        assertEquals("ballot-duplicate-option", e.code());
        assertArrayEquals(new Object[] {202L}, e.arguments());
    }

    @Test
    void sameOptionRankedTwiceIsRefusedEvenWithTheRightCount() {
        InvalidBallotException e = refused(rules(RANKING), ballot(answer(30, 301L, 302L, 303L, 301L)));

        assertEquals(Reason.DUPLICATE_OPTION, e.reason());
    }

    @Test
    void fewerSelectionsThanTheMinimumAreRefused() {
        InvalidBallotException e = refused(rules(MULTIPLE), ballot(answer(20, 201L)));

        assertEquals(Reason.TOO_FEW_SELECTIONS, e.reason());
        assertEquals("ballot-too-few-selections", e.code());
        assertArrayEquals(new Object[] {20L, 2}, e.arguments());
    }

    @Test
    void emptyAnswerIsTooFewSelections() {
        InvalidBallotException e = refused(rules(YES_NO), ballot(answer(10)));

        assertEquals(Reason.TOO_FEW_SELECTIONS, e.reason());
    }

    @Test
    void incompleteRankingIsTooFewSelections() {
        InvalidBallotException e = refused(rules(RANKING), ballot(answer(30, 301L, 302L, 303L)));

        assertEquals(Reason.TOO_FEW_SELECTIONS, e.reason());
        assertArrayEquals(new Object[] {30L, 4}, e.arguments());
    }

    @Test
    void moreSelectionsThanTheMaximumAreRefused() {
        InvalidBallotException e = refused(rules(MULTIPLE), ballot(answer(20, 201L, 202L, 203L, 204L)));

        assertEquals(Reason.TOO_MANY_SELECTIONS, e.reason());
        assertEquals("ballot-too-many-selections", e.code());
        assertArrayEquals(new Object[] {20L, 3}, e.arguments());
    }

    @Test
    void bothOptionsOfAYesNoQuestionAreTooManySelections() {
        InvalidBallotException e = refused(rules(YES_NO), ballot(answer(10, 101L, 102L)));

        assertEquals(Reason.TOO_MANY_SELECTIONS, e.reason());
    }
}
