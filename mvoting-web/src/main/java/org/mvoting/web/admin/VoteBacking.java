package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.mvoting.api.ballots.AnswerMark;
import org.mvoting.api.ballots.BallotBox;
import org.mvoting.api.ballots.BallotPaper;
import org.mvoting.api.ballots.CastReceipt;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.polls.PollCatalog;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.PollView;
import org.mvoting.api.staff.StaffDirectory;
import org.mvoting.api.errors.MeetingJoinClosedException;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalTime;
import org.mvoting.web.portal.view.OptionItem;
import org.mvoting.web.portal.view.QuestionItem;

/**
 * A member of staff votes in a staff poll (/admin/vote.xhtml): answer, confirm, cast, receipt. The
 * idempotency key is made once per page view, so a double click or a resent form gets the same receipt
 * instead of a second ballot (or an "already voted" refusal).
 */
@Named
@ViewScoped
public class VoteBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Where the page is: answering, checking the answers, or done (receipt shown). */
    public enum Step { ANSWER, CONFIRM, DONE }

    @EJB
    private PollCatalog catalog;

    @EJB
    private BallotBox ballots;

    @EJB
    private StaffDirectory directory;

    private String id;
    private UUID pollId;
    private String title;
    private String description;
    private String closesAt;
    private boolean open;
    private final List<Answer> answers = new ArrayList<>();
    private final String idempotencyKey = UUID.randomUUID().toString();
    private Step step = Step.ANSWER;
    private String receipt;
    private String castHour;
    private boolean replayed;

    public void load() {
        pollId = parse(id);
        PollView poll = catalog.poll(pollId);
        if (poll.kind() != PollKind.CITY_TO_STAFF) {
            PortalMessages.error(null, "vote.notStaffPoll");
            return;
        }
        title = poll.title();
        description = poll.description();
        closesAt = PortalTime.minutes(poll.closesAt());
        open = poll.status() == PollStatus.OPEN;
        if (!open) {
            PortalMessages.problem(null, "poll-not-open", poll.status().name());
        } else {
            joinIfMeetingRoom();
        }
        poll.questions().forEach(q -> answers.add(new Answer(new QuestionItem(q))));
    }

    /**
     * Opening a meeting room's link is joining its audience: in the join window the member of staff may vote (also
     * after it); a late joiner is told so here, before answering, and gets no form.
     */
    private void joinIfMeetingRoom() {
        try {
            ballots.joinMeetingRoom(pollId, directory.voterCredential(Channel.PORTAL));
        } catch (MeetingJoinClosedException e) {
            open = false;
            PortalMessages.problem(null, e.code(), e.arguments());
        }
    }

    private static UUID parse(String raw) {
        try {
            return UUID.fromString(raw == null ? "" : raw.strip());
        } catch (IllegalArgumentException e) {
            throw new PollNotFoundException(raw == null ? "" : raw.length() > 40 ? raw.substring(0, 40) : raw);
        }
    }

    /** 다음: checks the answers as the ballot rules will (so the voter learns here, by question number). */
    public void review() {
        boolean ok = true;
        for (Answer answer : answers) {
            ok &= answer.check();
        }
        if (ok) {
            step = Step.CONFIRM;
        }
    }

    public void back() {
        if (step == Step.CONFIRM) {
            step = Step.ANSWER;
        }
    }

    /** 투표하기. After a receipt, a repeated click just shows it again. */
    public void cast() {
        if (step == Step.DONE) {
            return;
        }
        BallotPaper paper = new BallotPaper(answers.stream().map(Answer::mark).toList());
        CastReceipt cast = ballots.cast(pollId, paper, directory.voterCredential(Channel.PORTAL), idempotencyKey);
        receipt = cast.receipt();
        castHour = PortalTime.minutes(cast.castHour());
        replayed = cast.replayed();
        step = Step.DONE;
    }

    public boolean isCanVote() {
        return open && !answers.isEmpty();
    }

    public boolean isAnswering() {
        return isCanVote() && step == Step.ANSWER;
    }

    public boolean isConfirming() {
        return isCanVote() && step == Step.CONFIRM;
    }

    public boolean isDone() {
        return step == Step.DONE;
    }

    public Step getStep() {
        return step;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getClosesAt() {
        return closesAt;
    }

    public List<Answer> getAnswers() {
        return answers;
    }

    public String getReceipt() {
        return receipt;
    }

    public String getCastHour() {
        return castHour;
    }

    public boolean isReplayed() {
        return replayed;
    }

    /** The voter's answer to one question, in the shape of its inputs. */
    public static class Answer implements Serializable {

        private static final long serialVersionUID = 1L;

        private final QuestionItem question;
        private String single;
        private List<String> many = new ArrayList<>();
        private final List<Rank> ranks = new ArrayList<>();

        Answer(QuestionItem question) {
            this.question = question;
            if (question.isRanking()) {
                for (int i = 1; i <= question.getMaxSelections(); i++) {
                    ranks.add(new Rank(i));
                }
            }
        }

        /** The chosen option ids, in preference order for rankings. */
        List<Long> chosen() {
            List<String> values = question.isSingle() ? (single == null || single.isBlank() ? List.of() : List.of(single))
                    : question.isMultiple() ? many
                    : ranks.stream().map(Rank::getOption).filter(o -> o != null && !o.isBlank()).toList();
            List<Long> ids = new ArrayList<>();
            for (String value : values) {
                try {
                    long optionId = Long.parseLong(value);
                    if (question.option(optionId) != null) {
                        ids.add(optionId);
                    }
                } catch (NumberFormatException e) {
                    // not one of this question's options: ignored, the count check below speaks
                }
            }
            return ids;
        }

        AnswerMark mark() {
            return new AnswerMark(question.getId(), chosen());
        }

        /** Adds a message naming the question by its number when the answer cannot be cast. */
        boolean check() {
            List<Long> chosen = chosen();
            int position = question.getPosition();
            if (chosen.isEmpty()) {
                PortalMessages.problem(null, "ballot-missing-answer", position);
                return false;
            }
            if (new HashSet<>(chosen).size() != chosen.size()) {
                PortalMessages.error(null, "vote.rankTwice", position);
                return false;
            }
            if (chosen.size() < question.getMinSelections()) {
                PortalMessages.problem(null, "ballot-too-few-selections", position, question.getMinSelections());
                return false;
            }
            if (chosen.size() > question.getMaxSelections()) {
                PortalMessages.problem(null, "ballot-too-many-selections", position, question.getMaxSelections());
                return false;
            }
            return true;
        }

        /** The chosen options' labels for the confirmation step, in order. */
        public List<String> getChosenLabels() {
            List<String> labels = new ArrayList<>();
            Set<Long> seen = new HashSet<>();
            for (Long optionId : chosen()) {
                OptionItem option = question.option(optionId);
                if (option != null && seen.add(optionId)) {
                    labels.add(option.getLabel());
                }
            }
            return labels;
        }

        public String getChosenSummary() {
            return String.join(", ", getChosenLabels());
        }

        public QuestionItem getQuestion() {
            return question;
        }

        public String getSingle() {
            return single;
        }

        public void setSingle(String single) {
            this.single = single;
        }

        public List<String> getMany() {
            return many;
        }

        public void setMany(List<String> many) {
            this.many = many == null ? new ArrayList<>() : new ArrayList<>(many);
        }

        public List<Rank> getRanks() {
            return ranks;
        }
    }

    /** One place in a ranking (1 = most preferred) and the option put there. */
    public static class Rank implements Serializable {

        private static final long serialVersionUID = 1L;

        private final int place;
        private String option;

        Rank(int place) {
            this.place = place;
        }

        public int getPlace() {
            return place;
        }

        public String getOption() {
            return option;
        }

        public void setOption(String option) {
            this.option = option;
        }
    }
}
