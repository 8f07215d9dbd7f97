package org.mvoting.api.polls;

/** Which of the four services a poll belongs to. */
public enum PollKind {
    CITY_TO_CITIZEN, CITY_TO_STAFF, CITIZEN_TO_CITIZEN, EVENT
}
