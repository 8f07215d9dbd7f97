package org.mvoting.api.errors;

/** A number an event operator gave is outside what the event allows; {@code most} is the limit shown. */
public class EventLimitException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** The limits, each its own problem code. */
    public enum Limit {
        /** Rounds run from 1 to the limit. */
        ROUND("event-round"),
        /** A countdown runs from 0 (none: closed by hand) to the limit in seconds. */
        COUNTDOWN("event-countdown"),
        /** From 2 to one fewer than the question's options carry into the next round. */
        CARRY_COUNT("event-carry-count"),
        /** A paper count per option runs from 0 to the limit. */
        PAPER_COUNT("event-paper-count"),
        /** Printed tokens are issued 1 to the limit at a time. */
        TOKEN_COUNT("event-token-count");

        private final String code;

        Limit(String code) {
            this.code = code;
        }
    }

    public EventLimitException(Limit limit, long most) {
        super(ErrorKind.INVALID, limit.code, most);
    }
}
