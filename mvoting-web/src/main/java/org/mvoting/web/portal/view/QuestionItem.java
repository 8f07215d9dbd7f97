package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.util.List;
import org.mvoting.api.polls.QuestionType;
import org.mvoting.api.polls.QuestionView;

/** A question with its options, as voters see it. */
public class QuestionItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long id;
    private final int position;
    private final QuestionType type;
    private final String text;
    private final int minSelections;
    private final int maxSelections;
    private final List<OptionItem> options;

    public QuestionItem(QuestionView q) {
        id = q.id();
        position = q.position();
        type = q.type();
        text = q.text();
        minSelections = q.minSelections();
        maxSelections = q.maxSelections();
        options = q.options().stream().map(OptionItem::new).toList();
    }

    public long getId() {
        return id;
    }

    public int getPosition() {
        return position;
    }

    public QuestionType getType() {
        return type;
    }

    public String getText() {
        return text;
    }

    public int getMinSelections() {
        return minSelections;
    }

    public int getMaxSelections() {
        return maxSelections;
    }

    public List<OptionItem> getOptions() {
        return options;
    }

    /** Answered with one option (radio buttons). */
    public boolean isSingle() {
        return type == QuestionType.SINGLE_CHOICE || type == QuestionType.YES_NO || type == QuestionType.SCALE;
    }

    public boolean isMultiple() {
        return type == QuestionType.MULTIPLE_CHOICE;
    }

    public boolean isRanking() {
        return type == QuestionType.RANKING;
    }

    public OptionItem option(long optionId) {
        return options.stream().filter(o -> o.getId() == optionId).findFirst().orElse(null);
    }
}
