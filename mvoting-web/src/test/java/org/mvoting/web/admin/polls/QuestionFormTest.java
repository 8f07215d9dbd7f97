package org.mvoting.web.admin.polls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mvoting.api.polls.OptionView;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.polls.QuestionView;

/** What the editor sends for each question type, and how a saved question comes back into the form. */
class QuestionFormTest {

    @Test
    void optionsAreOnePerLineWithoutBlanks() {
        QuestionForm q = new QuestionForm();
        q.setText("  어느 날이 좋습니까?  ");
        q.setOptionsText("월요일\r\n\n  화요일 \n수요일\n");
        QuestionDraft d = q.toDraft();
        assertEquals(QuestionType.SINGLE_CHOICE, d.type());
        assertEquals("어느 날이 좋습니까?", d.text());
        assertEquals(List.of("월요일", "화요일", "수요일"), d.options());
        assertNull(d.minSelections(), "single choice leaves the bounds to the service");
    }

    @Test
    void yesNoSendsNoOptionsAndAScaleItsTopPoint() {
        QuestionForm yesNo = new QuestionForm();
        yesNo.setType(QuestionType.YES_NO);
        yesNo.setOptionsText("left over from another type");
        assertEquals(List.of(), yesNo.toDraft().options());
        assertEquals(List.of("예", "아니오"), yesNo.getPreviewOptions());

        QuestionForm scale = new QuestionForm();
        scale.setType(QuestionType.SCALE);
        scale.setScaleMax(7);
        assertEquals(7, scale.toDraft().scaleMax());
        assertEquals(List.of(), scale.toDraft().options());
        assertEquals(List.of("1", "2", "3", "4", "5", "6", "7"), scale.getPreviewOptions());
    }

    @Test
    void boundsGoOnlyWithMultipleChoiceAndRanking() {
        QuestionForm q = new QuestionForm();
        q.setType(QuestionType.MULTIPLE_CHOICE);
        q.setOptionsText("a\nb\nc");
        q.setMinSelections(1);
        q.setMaxSelections(2);
        assertEquals(2, q.toDraft().maxSelections());
        q.setType(QuestionType.SINGLE_CHOICE);
        assertNull(q.toDraft().maxSelections());
    }

    @Test
    void aSavedQuestionComesBackAsTyped() {
        QuestionView scale = new QuestionView(1, 1, QuestionType.SCALE, "만족도", 1, 1,
                List.of(new OptionView(1, 1, "1"), new OptionView(2, 2, "2"), new OptionView(3, 3, "3")));
        QuestionForm form = QuestionForm.of(scale);
        assertEquals(3, form.getScaleMax());
        assertNull(form.getOptionsText());

        QuestionView ranking = new QuestionView(2, 2, QuestionType.RANKING, "순서", 2, 3,
                List.of(new OptionView(4, 1, "가"), new OptionView(5, 2, "나"), new OptionView(6, 3, "다")));
        QuestionForm back = QuestionForm.of(ranking);
        assertEquals("가\n나\n다", back.getOptionsText());
        assertEquals(2, back.getMinSelections());
        assertEquals(3, back.getMaxSelections());

        QuestionView yesNo = new QuestionView(3, 3, QuestionType.YES_NO, "찬성?", 1, 1,
                List.of(new OptionView(7, 1, "예"), new OptionView(8, 2, "아니오")));
        assertEquals(List.of(), QuestionForm.of(yesNo).toDraft().options(), "the service supplies 예/아니오 itself");
    }
}
