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
import org.mvoting.api.audit.AuditWindow;
import org.mvoting.api.audit.VerificationView;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.web.rest.security.StaffOnly;

/**
 * The audit trail for auditors (AUDITOR): who did what, when and from where, newest first, page by page, filtered
 * by actor, action prefix, target and a time window ({@code from}, {@code to}: see {@link AuditWindow}); and the
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
                                        @QueryParam("target") String target, @QueryParam("from") String from,
                                        @QueryParam("to") String to, @QueryParam("page") String page,
                                        @QueryParam("size") String size) {
        AuditWindow window = AuditWindow.parse(from, to, CitySettings.timeZone());
        return auditTrail.entries(actor, action, target, window.from(), window.to(), PathIds.nonNegative(page, 0),
                PathIds.nonNegative(size, 50));
    }

    @GET
    @Path("verification")
    public VerificationView verification() {
        return verification.verify();
    }
}
