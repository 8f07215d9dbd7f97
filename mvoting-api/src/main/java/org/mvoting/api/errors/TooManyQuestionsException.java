package org.mvoting.api.errors;

/** A poll holds at most {@link org.mvoting.api.polls.PollDraft#MAX_QUESTIONS} questions. */
public class TooManyQuestionsException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public TooManyQuestionsException(int maximum) {
        super(ErrorKind.INVALID, "too-many-questions", maximum);
    }
}
