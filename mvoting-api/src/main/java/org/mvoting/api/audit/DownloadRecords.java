package org.mvoting.api.audit;

import jakarta.ejb.Local;
import org.mvoting.api.polls.Actor;

/**
 * Records in the audit trail that a member of staff took a file away. Called once the file is made, so a refused
 * or failed download leaves no download record (a refusal is recorded as such).
 */
@Local
public interface DownloadRecords {

    /** {@code target}: what was downloaded (a poll's or event's id, "audit"); {@code detail}: filters, counts. */
    void downloaded(Download kind, String target, String detail, Actor actor);
}
