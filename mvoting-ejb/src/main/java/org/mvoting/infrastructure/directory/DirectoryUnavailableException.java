package org.mvoting.infrastructure.directory;

/** The directory could not be reached or answered with an error; nothing was decided about the caller. */
public class DirectoryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
