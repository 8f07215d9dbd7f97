package org.mvoting.api.audit;

import jakarta.ejb.Local;

/** The auditors' check of the audit chain, its checkpoints and the checkpointed tallies (the verifier's own code). */
@Local
public interface AuditVerification {

    VerificationView verify();
}
