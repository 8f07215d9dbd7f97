package org.mvoting.api.errors;

/**
 * An approved LISTED poll's voter list cannot change once its voting has begun: the approver approved that list,
 * and ballots may already stand on it. Before voting begins a change sends the poll back for approval instead.
 */
public class ListedVotersLockedException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ListedVotersLockedException() {
        super(ErrorKind.CONFLICT, "listed-voters-locked");
    }
}
