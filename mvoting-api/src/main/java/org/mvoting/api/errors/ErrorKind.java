package org.mvoting.api.errors;

/** What kind of refusal a business exception is; the web tier turns each into an HTTP status. */
public enum ErrorKind {
    BAD_REQUEST,
    UNAUTHENTICATED,
    FORBIDDEN,
    NOT_FOUND,
    CONFLICT,
    INVALID,
    RATE_LIMITED,
    /** An outside service this request needs cannot be reached now (503): worth trying again later. */
    UNAVAILABLE
}
