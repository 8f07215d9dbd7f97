package org.mvoting.web.admin.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;

/** How the console reads a question typed on the spot. */
class ConsoleNewQuestionBackingTest {

    @Test
    void optionsAreOnePerLineWithBlankLinesDropped() {
        assertEquals(List.of("도서관", "수영장"), ConsoleNewQuestionBacking.options(" 도서관 \r\n\n수영장\n  \n"));
        assertEquals(List.of(), ConsoleNewQuestionBacking.options(null));
    }

    @Test
    void oneSelectionIsSingleChoiceMoreIsMultipleChoice() {
        QuestionDraft single = ConsoleNewQuestionBacking.draft("무엇을?", List.of("가", "나"), 1);
        assertEquals(QuestionType.SINGLE_CHOICE, single.type());
        assertNull(single.maxSelections());
        QuestionDraft multiple = ConsoleNewQuestionBacking.draft("무엇을?", List.of("가", "나", "다"), 2);
        assertEquals(QuestionType.MULTIPLE_CHOICE, multiple.type());
        assertEquals(2, multiple.maxSelections());
    }
}
