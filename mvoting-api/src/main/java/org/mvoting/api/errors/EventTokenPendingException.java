package org.mvoting.api.errors;

/** A printed token issued while the event was under way admits nobody until a second member of staff confirms it. */
public class EventTokenPendingException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public EventTokenPendingException() {
        super(ErrorKind.CONFLICT, "event-token-pending");
    }
}
