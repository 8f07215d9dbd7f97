package org.mvoting.api.events;

/** Where an event question stands: prepared (not yet opened), open for votes, or closed. */
public enum QuestionState {
    PREPARED, OPEN, CLOSED
}
