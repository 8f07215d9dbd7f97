package org.mvoting.api.citizens;

/** As the citizen states it; UNDISCLOSED is a valid answer. */
public enum Gender {
    FEMALE, MALE, OTHER, UNDISCLOSED
}
