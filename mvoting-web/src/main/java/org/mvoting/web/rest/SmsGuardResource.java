package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.mvoting.api.messaging.SmsGuard;
import org.mvoting.api.messaging.SmsGuardReport;
import org.mvoting.web.rest.security.StaffOnly;

/** SMS pumping, for administrators (ADMIN): today's SMS budget and the refused requests per day, masked. */
@Path("/admin/sms-guard")
@StaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class SmsGuardResource {

    @EJB
    private SmsGuard guard;

    /** Today and the {@code days - 1} days before (default 7, at most {@link SmsGuard#MAX_DAYS}). */
    @GET
    public SmsGuardReport report(@QueryParam("days") String days) {
        return guard.report(PathIds.nonNegative(days, 7));
    }
}
