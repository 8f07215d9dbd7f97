package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.mvoting.api.policycycle.PolicyCycles;
import org.mvoting.api.policycycle.PolicyDocumentFile;
import org.mvoting.api.policycycle.PolicyStepEntry;
import org.mvoting.api.policycycle.PolicyStepView;
import org.mvoting.web.rest.security.StaffOnly;
import org.mvoting.web.shortlink.ShortLinkServlet;

/**
 * The poll's department records its policy cycle: a step (or a correction of one), then optionally the step's PDF.
 * Thin: the service checks the caller's role and department, the order and the dates, and audits each step.
 */
@Path("/admin/polls/{pollId}/policy-cycle")
@StaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class AdminPolicyCycleResource {

    @EJB
    private PolicyCycles cycles;

    @Context
    private HttpServletRequest http;

    /** 201 with the new step; the first DECISION also tells the citizens who took part. */
    @POST
    @Path("steps")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response record(@PathParam("pollId") String pollId, @Valid @NotNull PolicyStepEntry entry, @Context UriInfo uri) {
        PolicyStepView step = cycles.record(PathIds.poll(pollId), entry, ShortLinkServlet.trustedPublicBase(http),
                RequestActor.of(http));
        return Response.created(uri.getBaseUriBuilder().path(PolicyCycleResource.class).resolveTemplate("pollId", pollId)
                .build()).entity(step).build();
    }

    /** The step's PDF (the body, up to 1 MiB), named by {@code name}; once per step. */
    @PUT
    @Path("steps/{stepId}/document")
    @Consumes(PolicyDocumentFile.CONTENT_TYPE)
    public PolicyStepView attach(@PathParam("pollId") String pollId, @PathParam("stepId") String stepId,
                                 @QueryParam("name") String name, byte[] pdf) {
        return cycles.attachDocument(PathIds.poll(pollId), PolicyCycleResource.step(stepId, "policy-step-not-found"),
                name, pdf, RequestActor.of(http));
    }
}
