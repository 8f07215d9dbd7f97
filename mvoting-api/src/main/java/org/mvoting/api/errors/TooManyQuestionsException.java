package org.mvoting.api.errors;

/** A poll holds at most five questions. */
public class TooManyQuestionsException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public TooManyQuestionsException(int maximum) {
        super(ErrorKind.INVALID, "too-many-questions", maximum);
    }
}
