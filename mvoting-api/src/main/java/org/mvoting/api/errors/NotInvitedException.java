package org.mvoting.api.errors;

/** A PANEL_SAMPLE poll takes ballots only from members invited by its draw (and still in the panel). */
public class NotInvitedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotInvitedException() {
        super(ErrorKind.FORBIDDEN, "not-invited");
    }
}
