package org.mvoting.application.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Objects;
import org.mvoting.api.audit.Download;
import org.mvoting.api.audit.DownloadRecords;
import org.mvoting.api.polls.Actor;
import org.mvoting.infrastructure.persistence.AuditTrail;

/**
 * Records downloads in the audit trail, in a transaction of their own: the file was already made outside any, and
 * its record is what stays of it.
 */
@Stateless
public class DownloadRecordService implements DownloadRecords {

    @Inject
    private AuditTrail trail;

    @Override
    public void downloaded(Download kind, String target, String detail, Actor actor) {
        trail.record(Objects.requireNonNull(actor), kind.action(), target, detail);
    }
}
