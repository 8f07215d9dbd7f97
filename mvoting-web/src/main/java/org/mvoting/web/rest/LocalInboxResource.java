package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.mvoting.api.messaging.LocalPushInbox;
import org.mvoting.api.messaging.LocalPushMessage;
import org.mvoting.api.messaging.LocalSmsInbox;
import org.mvoting.api.messaging.LocalSmsMessage;
import org.mvoting.web.rest.security.StaffOnly;

/**
 * What the local SMS and push adapters kept instead of sending (ADMIN, demo and test systems): 404 when the real
 * gateways are in use, since then nothing is kept to read.
 */
@Path("/admin")
@StaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class LocalInboxResource {

    @EJB
    private LocalSmsInbox localSms;

    @EJB
    private LocalPushInbox localPush;

    @Context
    private HttpServletRequest http;

    /** What the local SMS adapter stored for a number (demo and tests read sign-in codes here). */
    @GET
    @Path("local-sms")
    public List<LocalSmsMessage> localSms(@QueryParam("phone") String phone) {
        if (!localSms.isActive()) {
            throw new jakarta.ws.rs.NotFoundException(); // real SMS leave the building: nothing is kept to read
        }
        if (phone == null || phone.isBlank()) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        return localSms.messagesTo(phone, 10, RequestActor.of(http));
    }

    /** What the local push adapter stored for an app installation (demo and tests). */
    @GET
    @Path("local-push")
    public List<LocalPushMessage> localPush(@QueryParam("installation") String installation) {
        if (!localPush.isActive()) {
            throw new jakarta.ws.rs.NotFoundException(); // real notifications leave the building: nothing is kept
        }
        java.util.UUID installationId;
        try {
            installationId = java.util.UUID.fromString(installation == null ? "" : installation.strip());
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        return localPush.messagesFor(installationId, 10, RequestActor.of(http));
    }
}
