package org.mvoting.api.polls;

/** Who may vote. OPEN and LISTED are enforced now; the others are modelled for the staff, panel and event services. */
public enum AudienceType {
    OPEN, LISTED, ORG_UNITS, PANEL_SAMPLE, PASSWORD, EVENT_PARTICIPANTS
}
