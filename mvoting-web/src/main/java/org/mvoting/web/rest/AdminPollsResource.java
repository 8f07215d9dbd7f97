package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.polls.Dashboard;
import org.mvoting.api.polls.InvitationProgress;
import org.mvoting.api.polls.ListedNumber;
import org.mvoting.api.polls.PageOf;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.PollFilter;
import org.mvoting.api.polls.PollKind;
import org.mvoting.api.polls.PollRecord;
import org.mvoting.api.polls.PollStatus;
import org.mvoting.api.polls.PollView;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.api.polls.StaffAudience;
import org.mvoting.api.samples.PanelSamples;
import org.mvoting.api.samples.SampleDesignForm;
import org.mvoting.api.samples.SampleDesignView;
import org.mvoting.api.samples.StratumReportRow;
import org.mvoting.api.samples.WeightedResults;
import org.mvoting.api.samples.WeightedResultsView;
import org.mvoting.web.rest.security.StaffOnly;
import org.mvoting.web.shortlink.ShortLinkServlet;

/**
 * City polls for staff over REST (the portal's operations for scripts and the mobile office app): drafting, approval,
 * audiences, listed voters and their invitations, closing and results, the dashboard. Thin: the services check roles
 * and departments, and every change lands in the audit trail with the caller's address.
 */
@Path("/admin")
@StaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class AdminPollsResource {

    @Context
    private HttpServletRequest http;

    /** The phone numbers allowed to vote in a LISTED poll. */
    public record ListedVoters(@NotNull @Size(max = 3_000) List<@NotBlank @Size(max = 32) String> phones) {
    }

    /** Why a submitted poll goes back to its operator. */
    public record Rejection(@NotBlank @Size(max = PollAdministration.REASON_LENGTH) String reason) {
    }

    /** Why the city withdraws one of its polls (its mileage is reversed). */
    public record Removal(@NotBlank @Size(max = PollAdministration.REASON_LENGTH) String reason) {
    }

    /** The new end of an open poll. */
    public record Extension(@NotNull Instant closesAt) {
    }

    /**
     * A one-question poll for a meeting room, open now for {@code minutes}; whoever opens its link within the first
     * {@code joinMinutes} (absent: all of them) is its audience.
     */
    public record MeetingPoll(@NotBlank @Size(max = 32) String departmentCode, @Valid @NotNull QuestionDraft question,
                              @Min(1) @Max(PollAdministration.MEETING_MAX_MINUTES) int minutes,
                              @Min(1) @Max(PollAdministration.MEETING_MAX_MINUTES) Integer joinMinutes) {
    }

    @EJB
    private PollAdministration administration;

    @EJB
    private PanelSamples samples;

    @EJB
    private WeightedResults weighted;

    @GET
    @Path("dashboard")
    public Dashboard dashboard() {
        return administration.dashboard();
    }

    @GET
    @Path("polls")
    public PageOf<PollRecord> polls(@QueryParam("status") String status, @QueryParam("kind") String kind,
                                    @QueryParam("department") String department, @QueryParam("q") String text,
                                    @QueryParam("awaitingMyApproval") boolean awaiting,
                                    @QueryParam("page") String page, @QueryParam("size") String size) {
        return administration.listPolls(new PollFilter(enumOrNull(PollStatus.class, status),
                        enumOrNull(PollKind.class, kind), department, text, awaiting),
                PathIds.nonNegative(page, 0), PathIds.nonNegative(size, 20));
    }

    @POST
    @Path("polls")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPoll(@Valid @NotNull PollDraft draft, @Context UriInfo uri) {
        PollView created = administration.createPoll(draft, RequestActor.of(http));
        return Response.created(uri.getBaseUriBuilder().path("admin/polls").path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("polls/{pollId}")
    public PollRecord poll(@PathParam("pollId") String pollId) {
        return administration.record(PathIds.poll(pollId));
    }

    @PUT
    @Path("polls/{pollId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PollView updateDraft(@PathParam("pollId") String pollId, @Valid @NotNull PollDraft draft) {
        return administration.updateDraft(PathIds.poll(pollId), draft, RequestActor.of(http));
    }

    @POST
    @Path("polls/{pollId}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    public PollView addQuestion(@PathParam("pollId") String pollId, @Valid @NotNull QuestionDraft question) {
        return administration.addQuestion(PathIds.poll(pollId), question, RequestActor.of(http));
    }

    @PUT
    @Path("polls/{pollId}/audience")
    @Consumes(MediaType.APPLICATION_JSON)
    public PollRecord setAudience(@PathParam("pollId") String pollId, @Valid @NotNull StaffAudience audience) {
        return administration.setStaffAudience(PathIds.poll(pollId), audience, RequestActor.of(http));
    }

    @POST
    @Path("polls/{pollId}/submit")
    public PollRecord submit(@PathParam("pollId") String pollId) {
        return administration.submit(PathIds.poll(pollId), RequestActor.of(http));
    }

    @POST
    @Path("polls/{pollId}/approve")
    public PollRecord approve(@PathParam("pollId") String pollId) {
        return administration.approve(PathIds.poll(pollId), RequestActor.of(http));
    }

    @POST
    @Path("polls/{pollId}/reject")
    @Consumes(MediaType.APPLICATION_JSON)
    public PollRecord reject(@PathParam("pollId") String pollId, @Valid @NotNull Rejection rejection) {
        return administration.reject(PathIds.poll(pollId), rejection.reason(), RequestActor.of(http));
    }

    @POST
    @Path("polls/{pollId}/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    public PollRecord remove(@PathParam("pollId") String pollId, @Valid @NotNull Removal removal) {
        return administration.remove(PathIds.poll(pollId), removal.reason(), RequestActor.of(http));
    }

    @POST
    @Path("polls/{pollId}/close")
    public ResultsView close(@PathParam("pollId") String pollId) {
        return administration.close(PathIds.poll(pollId), RequestActor.of(http));
    }

    @POST
    @Path("polls/{pollId}/extend")
    @Consumes(MediaType.APPLICATION_JSON)
    public PollRecord extend(@PathParam("pollId") String pollId, @Valid @NotNull Extension extension) {
        return administration.extend(PathIds.poll(pollId), extension.closesAt(), RequestActor.of(http));
    }

    @POST
    @Path("polls/{pollId}/duplicate")
    public PollView duplicate(@PathParam("pollId") String pollId) {
        return administration.duplicate(PathIds.poll(pollId), RequestActor.of(http));
    }

    @POST
    @Path("meeting-polls")
    @Consumes(MediaType.APPLICATION_JSON)
    public PollRecord meetingPoll(@Valid @NotNull MeetingPoll meeting) {
        return administration.quickMeetingPoll(meeting.departmentCode(), meeting.question(), meeting.minutes(),
                meeting.joinMinutes() == null ? meeting.minutes() : meeting.joinMinutes(), RequestActor.of(http));
    }

    @PUT
    @Path("polls/{pollId}/listed-voters")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Integer> listVoters(@PathParam("pollId") String pollId, @Valid @NotNull ListedVoters voters) {
        return Map.of("listed", administration.listVoters(PathIds.poll(pollId), voters.phones(), true, RequestActor.of(http)));
    }

    /** Adds numbers to the list (send long lists in batches of up to 3,000). */
    @POST
    @Path("polls/{pollId}/listed-voters")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Integer> addListedVoters(@PathParam("pollId") String pollId, @Valid @NotNull ListedVoters voters) {
        return Map.of("listed", administration.listVoters(PathIds.poll(pollId), voters.phones(), false, RequestActor.of(http)));
    }

    /**
     * A phone list file (CSV or Excel, first column; up to 3,000 rows) for a LISTED poll, with a report of every
     * row not used. {@code replace=true} replaces the list, else the numbers are added.
     */
    @POST
    @Path("polls/{pollId}/listed-voters/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, org.mvoting.web.imports.PhoneListFile.XLSX})
    public org.mvoting.api.polls.ListImportReport importListedVoters(@PathParam("pollId") String pollId,
                                                                     @QueryParam("replace") boolean replace,
                                                                     @jakarta.ws.rs.HeaderParam("Content-Type") String type,
                                                                     byte[] file) {
        org.mvoting.web.imports.PhoneListFile list;
        try {
            list = org.mvoting.web.imports.PhoneListFile.read(file, type);
        } catch (org.mvoting.web.imports.PhoneListFile.UnreadableFileException e) {
            throw new org.mvoting.api.errors.InvalidPollException("phone-list-unreadable", e.getMessage());
        }
        return administration.importListedVoters(PathIds.poll(pollId), list.values(), list.firstRow(), replace, RequestActor.of(http));
    }

    /** The listed numbers, masked, each with the state of its latest SMS invitation. */
    @GET
    @Path("polls/{pollId}/listed-voters")
    public PageOf<ListedNumber> listedNumbers(@PathParam("pollId") String pollId, @QueryParam("page") String page,
                                              @QueryParam("size") String size) {
        return administration.listedNumbers(PathIds.poll(pollId), PathIds.nonNegative(page, 0),
                PathIds.nonNegative(size, 50));
    }

    /** Sends the poll's link by SMS to every listed number not yet invited (or whose invitation failed). */
    @POST
    @Path("polls/{pollId}/invitations")
    public InvitationProgress invite(@PathParam("pollId") String pollId) {
        return administration.inviteListedVoters(PathIds.poll(pollId), ShortLinkServlet.trustedPublicBase(http), RequestActor.of(http));
    }

    @GET
    @Path("polls/{pollId}/invitations")
    public InvitationProgress invitations(@PathParam("pollId") String pollId) {
        return administration.invitationProgress(PathIds.poll(pollId));
    }

    /** A PANEL_SAMPLE poll's design, while the poll is a draft (the head approves it with the poll). */
    @PUT
    @Path("polls/{pollId}/sample-design")
    @Consumes(MediaType.APPLICATION_JSON)
    public SampleDesignView defineSampleDesign(@PathParam("pollId") String pollId, @Valid @NotNull SampleDesignForm form) {
        String linkBase;
        try {
            linkBase = ShortLinkServlet.trustedPublicBase(http);
        } catch (org.mvoting.api.errors.PublicAddressMissingException unknown) {
            linkBase = null; // no public address yet: invitations go by push until MVOTING_PUBLIC_URL is set
        }
        return samples.defineDesign(PathIds.poll(pollId), form, linkBase, RequestActor.of(http));
    }

    /** The design with its cells (target, filled, invited, drawn) and, once drawn, the seed and the algorithm. */
    @GET
    @Path("polls/{pollId}/sample-design")
    public SampleDesignView sampleDesign(@PathParam("pollId") String pollId) {
        return samples.design(PathIds.poll(pollId));
    }

    /** Invites the next ranked members of every cell that needs them now (the timer does so every minute too). */
    @POST
    @Path("polls/{pollId}/sample-replacements")
    public SampleDesignView inviteReplacements(@PathParam("pollId") String pollId) {
        return samples.inviteReplacements(PathIds.poll(pollId), RequestActor.of(http));
    }

    /** Ballots and choices per stratum; strata with fewer than 5 ballots are suppressed. */
    @GET
    @Path("polls/{pollId}/strata")
    public List<StratumReportRow> strata(@PathParam("pollId") String pollId) {
        return samples.stratumReport(PathIds.poll(pollId));
    }

    @GET
    @Path("polls/{pollId}/results")
    public ResultsView results(@PathParam("pollId") String pollId) {
        return administration.results(PathIds.poll(pollId));
    }

    /** The panel sample's results weighted to the census, with the method; strata under 5 ballots suppressed. */
    @GET
    @Path("polls/{pollId}/results/weighted")
    public WeightedResultsView weightedResults(@PathParam("pollId") String pollId) {
        return weighted.staffResults(PathIds.poll(pollId));
    }

    private static <E extends Enum<E>> E enumOrNull(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new jakarta.ws.rs.BadRequestException();
        }
    }
}
