package org.mvoting.api.errors;

/** A meeting room's poll: the link was opened after its join window, so this person is not in the room's audience. */
public class MeetingJoinClosedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    /** {@code closedAt}: when the window closed, in the city's time (for the message). */
    public MeetingJoinClosedException(String closedAt) {
        super(ErrorKind.FORBIDDEN, "meeting-join-closed", closedAt);
    }
}
