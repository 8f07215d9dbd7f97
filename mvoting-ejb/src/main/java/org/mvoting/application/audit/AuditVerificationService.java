package org.mvoting.application.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.mvoting.api.audit.AuditVerification;
import org.mvoting.api.audit.VerificationView;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.infrastructure.persistence.AuditCheckpoints;
import org.mvoting.verifier.Finding;
import org.mvoting.verifier.Report;

/** The auditors' page runs the same verifier as the command-line jar, over the application's data source. */
@Stateless
public class AuditVerificationService implements AuditVerification {

    @Inject
    private AuditCheckpoints checkpoints;

    @Override
    @AllowedRoles({Roles.AUDITOR, Roles.ADMIN})
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the verifier reads its own snapshot
    public VerificationView verify() {
        Report report = checkpoints.verify();
        return new VerificationView(report.intact(), report.chainedEvents(), report.checkpoints(),
                report.eventsBeforeChain(), report.findings().stream().map(Finding::toString).toList());
    }
}
