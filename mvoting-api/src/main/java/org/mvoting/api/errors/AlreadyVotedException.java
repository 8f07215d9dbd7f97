package org.mvoting.api.errors;

/** This voter has already taken part in the poll (one person, one vote). */
public class AlreadyVotedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public AlreadyVotedException() {
        super(ErrorKind.CONFLICT, "already-voted");
    }
}
