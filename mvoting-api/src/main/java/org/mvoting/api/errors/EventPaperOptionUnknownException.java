package org.mvoting.api.errors;

/** A paper count names an option the event question does not have. */
public class EventPaperOptionUnknownException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventPaperOptionUnknownException(String optionId) {
        super(ErrorKind.INVALID, "event-paper-unknown-option", optionId);
    }
}
