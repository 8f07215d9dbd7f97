package org.mvoting.api.errors;

/** A directory sync is already running (here or on another node); follow that one. */
public class DirectorySyncRunningException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public DirectorySyncRunningException(long runningId) {
        super(ErrorKind.CONFLICT, "directory-sync-running", runningId);
    }
}
