package org.mvoting.api.errors;

/** An event question is counted by hand too, so it is yes/no, single or multiple choice; {@code type} is not. */
public class EventQuestionTypeException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventQuestionTypeException(String type) {
        super(ErrorKind.INVALID, "event-question-type", type);
    }
}
