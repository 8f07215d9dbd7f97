package org.mvoting.api.citizenpolls;

/** Why a citizen reports a poll. */
public enum ReportReason {
    ABUSIVE, PERSONAL_INFORMATION, POLITICAL, COMMERCIAL, SPAM, OTHER
}
