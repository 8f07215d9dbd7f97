package org.mvoting.api.ballots;

/** Where a ballot came from; one person has one vote across all of them. */
public enum Channel {
    WEB, APP, ONSITE, PORTAL
}
