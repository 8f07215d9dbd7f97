package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.mvoting.api.citizenpolls.CitizenPollDraft;
import org.mvoting.api.citizenpolls.CitizenPollRecord;
import org.mvoting.api.citizenpolls.CitizenPolls;
import org.mvoting.api.citizenpolls.ReportReason;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.polls.InvitationProgress;
import org.mvoting.api.polls.ListedNumber;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.polls.PollSummary;
import org.mvoting.web.rest.security.VoterAuthenticator;
import org.mvoting.web.shortlink.ShortLinkServlet;

/**
 * Citizens' own polls: propose one (signed in), the public directory, my polls, close mine, report one. Voting,
 * receipts and results use /polls/{id} like every poll (a password-protected poll takes X-Poll-Password).
 */
@Path("/citizen-polls")
@Produces(MediaType.APPLICATION_JSON)
public class CitizenPollsResource {

    /** A citizen's report: why, and optionally a few words. */
    public record Report(@NotNull ReportReason reason, @Size(max = 500) String detail) {
    }

    @EJB
    private CitizenPolls citizenPolls;

    @Context
    private HttpHeaders headers;

    @Context
    private UriInfo uri;

    @Context
    private HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response propose(@Valid @NotNull CitizenPollDraft draft) {
        CitizenPollRecord created = citizenPolls.propose(token(), draft);
        return Response.created(uri.getBaseUriBuilder().path("polls").path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    public PageOf<PollSummary> directory(@QueryParam("page") String page, @QueryParam("size") String size) {
        return citizenPolls.directory(PathIds.nonNegative(page, 0), PathIds.nonNegative(size, 20));
    }

    @GET
    @Path("mine")
    public List<CitizenPollRecord> mine() {
        return citizenPolls.mine(token());
    }

    @POST
    @Path("{pollId}/close")
    public CitizenPollRecord close(@PathParam("pollId") String pollId) {
        return citizenPolls.close(token(), PathIds.poll(pollId));
    }

    @POST
    @Path("{pollId}/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response report(@PathParam("pollId") String pollId, @Valid @NotNull Report report) {
        citizenPolls.report(token(), PathIds.poll(pollId), report.reason(), report.detail());
        return Response.noContent().build();
    }

    /**
     * The proposer sends the invite-only poll's link by SMS to the invitees not yet invited; every SMS carries an
     * opt-out link.
     */
    @POST
    @Path("{pollId}/invitations")
    public InvitationProgress invite(@PathParam("pollId") String pollId) {
        return citizenPolls.invite(token(), PathIds.poll(pollId), ShortLinkServlet.trustedPublicBase(http));
    }

    /** Phone numbers typed or pasted by the proposer. */
    public record Invitees(@NotNull @Size(max = 500) List<@NotNull @Size(max = 32) String> phones) {
    }

    /** The proposer's list of invitees, masked, each with its invitation state. */
    @GET
    @Path("{pollId}/invitees")
    public PageOf<ListedNumber> invitees(@PathParam("pollId") String pollId, @QueryParam("page") String page,
                                         @QueryParam("size") String size) {
        return citizenPolls.invitees(token(), PathIds.poll(pollId), PathIds.nonNegative(page, 0),
                PathIds.nonNegative(size, 50));
    }

    /** Adds people to the proposer's invite-only poll; returns how many the list holds now. */
    @POST
    @Path("{pollId}/invitees")
    @Consumes(MediaType.APPLICATION_JSON)
    public java.util.Map<String, Integer> addInvitees(@PathParam("pollId") String pollId, @Valid @NotNull Invitees invitees) {
        return java.util.Map.of("listed", citizenPolls.addInvitees(token(), PathIds.poll(pollId), invitees.phones()));
    }

    /** The opt-out link's action: this number gets no more invitations from citizens' polls. No sign-in needed. */
    @POST
    @Path("opt-outs/{token}")
    public Response optOut(@PathParam("token") String token) {
        citizenPolls.optOut(token);
        return Response.noContent().build();
    }

    private String token() {
        return VoterAuthenticator.bearerToken(headers)
                .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MISSING));
    }
}
