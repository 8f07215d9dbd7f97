package org.mvoting.api.staff;

import java.util.List;

/**
 * The roles staff get from their directory groups (group cn = role name). Constants, not an enum, because
 * {@code @RolesAllowed} needs compile-time strings.
 */
public final class Roles {

    /** Every member of staff: may vote in staff polls and see the portal. */
    public static final String STAFF = "STAFF";
    /** A department operator: drafts and submits the department's polls. */
    public static final String OPERATOR = "OPERATOR";
    /** Head of a department: approves or rejects its polls. */
    public static final String DEPT_HEAD = "DEPT_HEAD";
    /** Director-general or division head: approves for every department below the division. */
    public static final String EXECUTIVE = "EXECUTIVE";
    public static final String MAYOR_OFFICE = "MAYOR_OFFICE";
    public static final String MODERATOR = "MODERATOR";
    public static final String EVENT_OPERATOR = "EVENT_OPERATOR";
    /** Reads every poll, result and audit entry; changes nothing. */
    public static final String AUDITOR = "AUDITOR";
    /** The finance office: reads the mileage ledger and downloads the monthly payout; changes nothing. */
    public static final String FINANCE = "FINANCE";
    /** Runs the system: directory sync and settings. */
    public static final String ADMIN = "ADMIN";

    public static final List<String> ALL = List.of(STAFF, OPERATOR, DEPT_HEAD, EXECUTIVE, MAYOR_OFFICE, MODERATOR,
            EVENT_OPERATOR, AUDITOR, FINANCE, ADMIN);

    private Roles() {
    }
}
