package org.mvoting.domain.poll;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.stream.IntStream;
import org.mvoting.api.errors.InvalidPollException;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.QuestionType;

/**
 * A question with its options and how many may be selected. Every question type is answered by choosing
 * options: YES_NO gets 예/아니오, SCALE gets its scale points, RANKING orders its options.
 */
@Entity
@Table(name = "question")
public class Question {

    static final List<String> YES_NO_LABELS = List.of("예", "아니오");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "poll_id")
    private Poll poll;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 24)
    private QuestionType type;

    @Column(nullable = false, length = QuestionDraft.TEXT_LENGTH)
    private String text;

    @Column(name = "min_selections", nullable = false)
    private int minSelections;

    @Column(name = "max_selections", nullable = false)
    private int maxSelections;

    @OneToMany(mappedBy = "question", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<AnswerOption> options = new ArrayList<>();

    protected Question() {
    }

    /** Builds a question from its draft, filling type defaults and refusing what cannot be answered. */
    static Question fromDraft(Poll poll, int position, QuestionDraft draft) {
        Question q = new Question();
        q.poll = poll;
        q.position = position;
        q.type = draft.type();
        q.text = draft.text().strip();
        List<String> labels = labelsFor(draft);
        if (new HashSet<>(labels).size() != labels.size()) {
            throw new InvalidPollException("duplicate-options", position);
        }
        for (int i = 0; i < labels.size(); i++) {
            q.options.add(new AnswerOption(q, i + 1, labels.get(i)));
        }
        int n = labels.size();
        switch (draft.type()) {
            case MULTIPLE_CHOICE -> {
                q.minSelections = draft.minSelections() == null ? 1 : draft.minSelections();
                q.maxSelections = draft.maxSelections() == null ? n : draft.maxSelections();
            }
            case RANKING -> {
                q.minSelections = draft.minSelections() == null ? n : draft.minSelections();
                q.maxSelections = draft.maxSelections() == null ? n : draft.maxSelections();
            }
            default -> {
                q.minSelections = 1;
                q.maxSelections = 1;
            }
        }
        if (q.minSelections < 1 || q.maxSelections < q.minSelections || q.maxSelections > n) {
            throw new InvalidPollException("selection-bounds", position, q.minSelections, q.maxSelections, n);
        }
        return q;
    }

    private static List<String> labelsFor(QuestionDraft draft) {
        List<String> given = draft.options().stream().map(String::strip).toList();
        switch (draft.type()) {
            case YES_NO -> {
                if (!given.isEmpty()) {
                    throw new InvalidPollException("yes-no-has-fixed-options");
                }
                return YES_NO_LABELS;
            }
            case SCALE -> {
                if (given.isEmpty()) {
                    int max = draft.scaleMax() == null ? 5 : draft.scaleMax();
                    if (max < 2 || max > QuestionDraft.MAX_SCALE) {
                        throw new InvalidPollException("scale-range", QuestionDraft.MAX_SCALE);
                    }
                    return IntStream.rangeClosed(1, max).mapToObj(Integer::toString).toList();
                }
                return requireChoices(given);
            }
            default -> {
                return requireChoices(given);
            }
        }
    }

    private static List<String> requireChoices(List<String> given) {
        if (given.size() < QuestionDraft.MIN_OPTIONS) {
            throw new InvalidPollException("too-few-options");
        }
        if (given.size() > QuestionDraft.MAX_OPTIONS) {
            throw new InvalidPollException("too-many-options", QuestionDraft.MAX_OPTIONS);
        }
        return given;
    }

    /** This question as a draft again (for copying a poll). */
    public QuestionDraft toDraft() {
        List<String> labels = type == org.mvoting.api.polls.QuestionType.YES_NO ? List.of()
                : options.stream().map(AnswerOption::label).toList();
        return new QuestionDraft(type, text, labels, minSelections, maxSelections, null);
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public QuestionType type() {
        return type;
    }

    public String text() {
        return text;
    }

    public int minSelections() {
        return minSelections;
    }

    public int maxSelections() {
        return maxSelections;
    }

    public List<AnswerOption> options() {
        return Collections.unmodifiableList(options);
    }
}
