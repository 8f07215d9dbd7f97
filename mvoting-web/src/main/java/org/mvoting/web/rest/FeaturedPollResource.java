package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.mvoting.web.rest.security.StaffOnly;

/** The poll the city-hall QR code opens, chosen by staff (PUT) or cleared (DELETE); every change audited. */
@Path("/admin/featured-poll")
@StaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class FeaturedPollResource {

    @Context
    private HttpServletRequest http;

    @EJB
    private org.mvoting.api.polls.FeaturedPolls featuredPolls;

    /** The poll the city-hall QR code opens. */
    public record Featured(@NotNull java.util.UUID pollId) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response feature(@Valid @NotNull Featured featured) {
        featuredPolls.feature(featured.pollId(), RequestActor.of(http));
        return Response.noContent().build();
    }

    @DELETE
    public Response unfeature() {
        featuredPolls.unfeature(RequestActor.of(http));
        return Response.noContent().build();
    }
}
