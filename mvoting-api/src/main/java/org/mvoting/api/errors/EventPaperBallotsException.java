package org.mvoting.api.errors;

/** Paper counts are bounded by the paper ballots handed out for the question, which are registered first. */
public class EventPaperBallotsException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** Why the counts were refused, each its own problem code. */
    public enum Reason {
        /** No number of paper ballots handed out is registered for the question yet. */
        NOT_REGISTERED("event-paper-ballots-not-registered"),
        /** A count (or the ticks together) exceeds what the registered ballots can hold. */
        EXCEEDED("event-paper-over-registered");

        private final String code;

        Reason(String code) {
            this.code = code;
        }
    }

    /** {@code registered}: the paper ballots handed out (0 when none registered). */
    public EventPaperBallotsException(Reason reason, long registered) {
        super(ErrorKind.INVALID, reason.code, registered);
    }
}
