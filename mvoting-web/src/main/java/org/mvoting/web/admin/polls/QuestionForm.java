package org.mvoting.web.admin.polls;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.mvoting.api.polls.OptionView;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.polls.QuestionView;

/**
 * One question as the editor holds it while it is typed: options one per line, selection bounds only
 * where the type has them, a scale's top point. {@link #toDraft()} gives the service what it expects.
 */
public class QuestionForm implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int DEFAULT_SCALE = 5;
    /** The labels the service gives yes/no questions (shown in the preview). */
    static final List<String> YES_NO_LABELS = List.of("예", "아니오");

    private QuestionType type = QuestionType.SINGLE_CHOICE;
    private String text;
    private String optionsText;
    private Integer minSelections;
    private Integer maxSelections;
    private Integer scaleMax = DEFAULT_SCALE;

    public QuestionForm() {
    }

    /** A question of a saved draft, back in editable form. */
    static QuestionForm of(QuestionView q) {
        QuestionForm form = new QuestionForm();
        form.type = q.type();
        form.text = q.text();
        List<String> labels = q.options().stream().map(OptionView::label).toList();
        switch (q.type()) {
            case YES_NO -> form.optionsText = null;
            case SCALE -> {
                List<String> points = IntStream.rangeClosed(1, labels.size()).mapToObj(Integer::toString).toList();
                if (labels.equals(points)) {
                    form.scaleMax = labels.size();
                } else {
                    form.optionsText = String.join("\n", labels);
                }
            }
            default -> form.optionsText = String.join("\n", labels);
        }
        if (form.isSelectionBounds()) {
            form.minSelections = q.minSelections();
            form.maxSelections = q.maxSelections();
        }
        return form;
    }

    /** The draft for the service; fields the type does not use are left out so the service's defaults apply. */
    public QuestionDraft toDraft() {
        List<String> options = isOptionsShown() ? getOptions() : List.of();
        Integer scale = type == QuestionType.SCALE && options.isEmpty() ? scaleMax : null;
        return new QuestionDraft(type, text == null ? null : text.strip(), options,
                isSelectionBounds() ? minSelections : null, isSelectionBounds() ? maxSelections : null, scale);
    }

    /** The typed options: one per line, blank lines dropped. */
    public List<String> getOptions() {
        if (optionsText == null) {
            return List.of();
        }
        return Arrays.stream(optionsText.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The options a voter will see, for the phone preview. */
    public List<String> getPreviewOptions() {
        return switch (type) {
            case YES_NO -> YES_NO_LABELS;
            case SCALE -> getOptions().isEmpty()
                    ? IntStream.rangeClosed(1, scaleMax == null ? DEFAULT_SCALE : Math.max(2, Math.min(10, scaleMax)))
                            .mapToObj(Integer::toString).toList()
                    : getOptions();
            default -> new ArrayList<>(getOptions());
        };
    }

    /** Options are typed for every type but yes/no; a scale's are optional labels instead of 1..top. */
    public boolean isOptionsShown() {
        return type != QuestionType.YES_NO;
    }

    public boolean isScale() {
        return type == QuestionType.SCALE;
    }

    /** Only multiple choice and ranking let the author bound how many options are picked. */
    public boolean isSelectionBounds() {
        return type == QuestionType.MULTIPLE_CHOICE || type == QuestionType.RANKING;
    }

    public boolean isMultiple() {
        return type == QuestionType.MULTIPLE_CHOICE;
    }

    public boolean isRanking() {
        return type == QuestionType.RANKING;
    }

    public QuestionType getType() {
        return type;
    }

    public void setType(QuestionType type) {
        this.type = type == null ? QuestionType.SINGLE_CHOICE : type;
    }

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public String getOptionsText() {
        return optionsText;
    }

    public void setOptionsText(String optionsText) {
        this.optionsText = optionsText;
    }

    public Integer getMinSelections() {
        return minSelections;
    }

    public void setMinSelections(Integer minSelections) {
        this.minSelections = minSelections;
    }

    public Integer getMaxSelections() {
        return maxSelections;
    }

    public void setMaxSelections(Integer maxSelections) {
        this.maxSelections = maxSelections;
    }

    public Integer getScaleMax() {
        return scaleMax;
    }

    public void setScaleMax(Integer scaleMax) {
        this.scaleMax = scaleMax;
    }
}
