package org.mvoting.web.portal.view;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.mvoting.api.ballots.OptionResult;
import org.mvoting.api.ballots.QuestionResult;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.QuestionType;

/** A poll's results for the results table and charts. */
public class ResultsItem implements Serializable {

    private static final long serialVersionUID = 1L;

    private final PollStatus status;
    private final long ballots;
    private final boolean finalResult;
    private final Boolean tallyVerified;
    private final List<Question> questions;
    private final String checkpoint;

    /** The labels name the charts' dataset: votes, or Borda points for ranking questions. */
    public ResultsItem(ResultsView r, String votesLabel, String pointsLabel) {
        status = r.status();
        ballots = r.ballots();
        finalResult = r.finalResult();
        tallyVerified = r.tallyVerified();
        List<Question> qs = new ArrayList<>();
        for (int i = 0; i < r.questions().size(); i++) {
            qs.add(new Question(i + 1, r.questions().get(i), votesLabel, pointsLabel));
        }
        questions = List.copyOf(qs);
        checkpoint = r.checkpoint() == null ? null : r.checkpoint().display();
    }

    /** The audit chain's checkpoint taken at the close (short form), or null. */
    public String getCheckpoint() {
        return checkpoint;
    }

    public PollStatus getStatus() {
        return status;
    }

    public long getBallots() {
        return ballots;
    }

    public boolean isFinalResult() {
        return finalResult;
    }

    public Boolean getTallyVerified() {
        return tallyVerified;
    }

    public List<Question> getQuestions() {
        return questions;
    }

    /** One question's results; {@code position} is 1-based and names the table ids (results-q1-…). */
    public static class Question implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int position;
        private final long questionId;
        private final String text;
        private final QuestionType type;
        private final List<Option> options;
        private final String chartJson;

        Question(int position, QuestionResult q, String votesLabel, String pointsLabel) {
            this.position = position;
            questionId = q.questionId();
            text = q.text();
            type = q.type();
            List<Option> os = new ArrayList<>();
            for (int i = 0; i < q.options().size(); i++) {
                os.add(new Option(i + 1, q.options().get(i)));
            }
            options = List.copyOf(os);
            // Ranking questions are compared by Borda points; every other type by votes.
            boolean ranking = type == QuestionType.RANKING;
            chartJson = ChartJson.of("bar", ranking ? pointsLabel : votesLabel, options.stream().map(Option::getLabel).toList(),
                    options.stream().map(o -> ranking ? o.getPoints() : o.getVotes()).toList());
        }

        public int getPosition() {
            return position;
        }

        public long getQuestionId() {
            return questionId;
        }

        public String getText() {
            return text;
        }

        public QuestionType getType() {
            return type;
        }

        public boolean isRanking() {
            return type == QuestionType.RANKING;
        }

        public List<Option> getOptions() {
            return options;
        }

        public String getChartJson() {
            return chartJson;
        }

        /** Height for the bar chart's box: one bar per option, so long lists stay readable. */
        public int getChartHeight() {
            return 60 + 34 * options.size();
        }
    }

    /** One option's count; share is 0..1 from the service and shown as a percentage. */
    public static class Option implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int position;
        private final long optionId;
        private final String label;
        private final long votes;
        private final long points;
        private final double share;

        Option(int position, OptionResult o) {
            this.position = position;
            optionId = o.optionId();
            label = o.label();
            votes = o.votes();
            points = o.points();
            share = o.share();
        }

        public int getPosition() {
            return position;
        }

        public long getOptionId() {
            return optionId;
        }

        public String getLabel() {
            return label;
        }

        public long getVotes() {
            return votes;
        }

        public long getPoints() {
            return points;
        }

        public double getShare() {
            return share;
        }

        public String getSharePercent() {
            return String.format(java.util.Locale.ROOT, "%.1f%%", share * 100);
        }
    }
}
