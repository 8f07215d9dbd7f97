package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.audit.Download;
import org.mvoting.api.audit.DownloadRecords;
import org.mvoting.api.ballots.BallotBox;
import org.mvoting.api.ballots.BallotPaper;
import org.mvoting.api.ballots.CastReceipt;
import org.mvoting.api.ballots.ReceiptCheck;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.citizenpolls.ResultsSummaries;
import org.mvoting.api.citizenpolls.ResultsSummary;
import org.mvoting.api.errors.InvalidDeviceIdException;
import org.mvoting.api.identity.DeviceVoters;
import org.mvoting.api.identity.VoterCredential;
import org.mvoting.api.polls.AssuranceLevel;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.polls.PollCatalog;
import org.mvoting.api.polls.PollSummary;
import org.mvoting.api.polls.PollView;
import org.mvoting.web.reports.SummaryPdf;
import org.mvoting.web.reports.SummarySigner;
import org.mvoting.web.rest.security.VoterAuthenticator;
import org.mvoting.web.shortlink.ShortLinkServlet;

/** Polls as citizens (and apps) use them: list, read, vote, check a receipt, see results. */
@Path("/polls")
@Produces(MediaType.APPLICATION_JSON)
public class PollsResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** The password of a password-protected citizen poll, typed by the voter. */
    static final String POLL_PASSWORD = "X-Poll-Password";

    @EJB
    private PollCatalog catalog;

    @EJB
    private BallotBox ballotBox;

    @EJB
    private org.mvoting.api.polls.FeaturedPolls featured;

    @Inject
    private VoterAuthenticator voters;

    @EJB
    private DeviceVoters devices;

    @EJB
    private ResultsSummaries summaries;

    @EJB
    private org.mvoting.api.samples.WeightedResults weighted;

    @Inject
    private SummarySigner signer;

    @EJB
    private DownloadRecords downloads;

    @Context
    private HttpServletRequest request;

    @Context
    private SecurityContext security;

    @GET
    public PageOf<PollSummary> openPolls(@QueryParam("page") String page, @QueryParam("size") String size) {
        return catalog.openPolls(PathIds.nonNegative(page, 0), PathIds.nonNegative(size, 20));
    }

    /** The poll the city features at city hall right now (404 when none is featured or it has closed). */
    @GET
    @Path("featured")
    public java.util.Map<String, String> featured() {
        return java.util.Map.of("pollId", featured.featured()
                .orElseThrow(() -> new org.mvoting.api.errors.NotFoundException("featured-poll-none", "city-hall"))
                .toString());
    }

    @GET
    @Path("{pollId}")
    public PollView poll(@PathParam("pollId") String pollId) {
        return catalog.poll(PathIds.poll(pollId));
    }

    /** 201 with the receipt for a new ballot; 200 with the same receipt for a retry of the same request. */
    @POST
    @Path("{pollId}/ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cast(@PathParam("pollId") String pollId, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                         @Valid @NotNull BallotPaper ballot, @Context HttpHeaders headers, @Context UriInfo uri) {
        UUID id = PathIds.poll(pollId);
        VoterCredential voter = voters.require(headers, security);
        if (voter.assurance() == AssuranceLevel.DEVICE) {
            // nobody signed in: only the network address holds back a script that mints device identifiers
            devices.countBallotAttempt(request.getRemoteAddr());
        }
        CastReceipt receipt = ballotBox.cast(id, ballot, voter, idempotencyKey, pollPassword(headers));
        if (receipt.replayed()) {
            return Response.ok(receipt).header("Idempotent-Replayed", "true").build();
        }
        return Response.created(uri.getBaseUriBuilder().path(PollsResource.class).path(id.toString())
                .path("receipts").path(receipt.receipt()).build()).entity(receipt).build();
    }

    /**
     * Opening a meeting room's link (signed-in staff): joins the room's audience within its join window; 403
     * meeting-join-closed afterwards. {"joined": false} for a poll that is not a meeting room's.
     */
    @POST
    @Path("{pollId}/joins")
    public java.util.Map<String, Boolean> join(@PathParam("pollId") String pollId, @Context HttpHeaders headers) {
        UUID id = PathIds.poll(pollId);
        return java.util.Map.of("joined", ballotBox.joinMeetingRoom(id, voters.require(headers, security)));
    }

    /** A closed poll's results summary with its verification code (issued on first request). */
    @GET
    @Path("{pollId}/summary")
    public ResultsSummary summary(@PathParam("pollId") String pollId) {
        return summaries.summary(PathIds.poll(pollId));
    }

    /** The summary as a PDF, signed by the city (PAdES): made once and kept, so every download is the same file. */
    @GET
    @Path("{pollId}/summary.pdf")
    @Produces("application/pdf")
    public Response summaryPdf(@PathParam("pollId") String pollId, @Context UriInfo uri) throws java.io.IOException {
        UUID id = PathIds.poll(pollId);
        ResultsSummary summary = summaries.summary(id);
        byte[] pdf = summaries.pdf(id).orElse(null);
        if (pdf == null) {
            pdf = summaries.keepPdf(id, signer.sign(SummaryPdf.render(summary,
                    ShortLinkServlet.trustedPublicBase(request) + "/m/check.html")));
        }
        if (request.getUserPrincipal() != null) {
            // a member of staff (Basic or mobile-office sign-in) took the city's signed summary; citizens' are not
            // recorded: the trail keeps what staff did, and a citizen's download says nothing worth keeping
            downloads.downloaded(Download.SUMMARY_PDF, id.toString(), "code " + summary.verificationCode(),
                    RequestActor.of(request));
        }
        return Response.ok(pdf, "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"mvoting-summary-" + summary.verificationCode() + ".pdf\"")
                .build();
    }

    /** X-Poll-Password, percent-encoded UTF-8 (header values are ASCII; a password may be Korean). */
    private static String pollPassword(HttpHeaders headers) {
        String sent = headers.getHeaderString(POLL_PASSWORD);
        if (sent == null) {
            return null;
        }
        try {
            return java.net.URLDecoder.decode(sent.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return sent; // not percent-encoded after all: compare it as sent
        }
    }

    @GET
    @Path("{pollId}/receipts/{receipt}")
    public ReceiptCheck receipt(@PathParam("pollId") String pollId, @PathParam("receipt") String receipt) {
        return ballotBox.checkReceipt(PathIds.poll(pollId), receipt);
    }

    @GET
    @Path("{pollId}/results")
    public ResultsView results(@PathParam("pollId") String pollId, @Context HttpHeaders headers) {
        Optional<VoterCredential> caller;
        try {
            caller = voters.optional(headers, security);
        } catch (InvalidDeviceIdException e) {
            caller = voters.optional(headers); // reading results: a malformed device id just does not count
        }
        return ballotBox.results(PathIds.poll(pollId), caller);
    }

    /** A panel sample's results weighted to the census, when its results may be seen as {@link #results} says. */
    @GET
    @Path("{pollId}/results/weighted")
    public org.mvoting.api.samples.WeightedResultsView weightedResults(@PathParam("pollId") String pollId,
                                                                       @Context HttpHeaders headers) {
        Optional<VoterCredential> caller;
        try {
            caller = voters.optional(headers, security);
        } catch (InvalidDeviceIdException e) {
            caller = voters.optional(headers);
        }
        return weighted.results(PathIds.poll(pollId), caller);
    }
}
