package org.mvoting.domain.poll;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.mvoting.api.polls.QuestionDraft;

/** One option of a question. */
@Entity
@Table(name = "answer_option")
public class AnswerOption {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "question_id")
    private Question question;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = QuestionDraft.OPTION_LENGTH)
    private String label;

    protected AnswerOption() {
    }

    AnswerOption(Question question, int position, String label) {
        this.question = question;
        this.position = position;
        this.label = label;
    }

    public Long id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String label() {
        return label;
    }
}
