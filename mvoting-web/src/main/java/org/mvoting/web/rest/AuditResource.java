package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.mvoting.api.audit.AuditEntryView;
import org.mvoting.api.audit.AuditTrailQuery;
import org.mvoting.api.audit.AuditVerification;
import org.mvoting.api.audit.VerificationView;
import org.mvoting.api.polls.PageOf;
import org.mvoting.web.rest.security.StaffOnly;

/**
 * The audit trail for auditors (AUDITOR): who did what, when and from where, newest first, page by page; and the
 * verifier's check of its chain, checkpoints and checkpointed tallies (AUDITOR, ADMIN).
 */
@Path("/admin/audit")
@StaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @EJB
    private AuditTrailQuery auditTrail;

    @EJB
    private AuditVerification verification;

    @GET
    public PageOf<AuditEntryView> audit(@QueryParam("actor") String actor, @QueryParam("action") String action,
                                        @QueryParam("target") String target, @QueryParam("page") String page,
                                        @QueryParam("size") String size) {
        return auditTrail.entries(actor, action, target, null, null, PathIds.nonNegative(page, 0),
                PathIds.nonNegative(size, 50));
    }

    @GET
    @Path("verification")
    public VerificationView verification() {
        return verification.verify();
    }
}
