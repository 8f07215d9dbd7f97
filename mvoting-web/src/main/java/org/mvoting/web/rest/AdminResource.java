package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
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
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.mvoting.api.ballots.ResultsView;
import org.mvoting.api.messaging.LocalSmsInbox;
import org.mvoting.api.messaging.LocalSmsMessage;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.polls.DepartmentView;
import org.mvoting.api.polls.PollAdministration;
import org.mvoting.api.polls.PollDraft;
import org.mvoting.api.polls.PollView;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.web.rest.security.StaffOnly;

/** Department administration over REST, for staff (interim login until the staff directory arrives). */
@Path("/admin")
@StaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    /** The phone numbers allowed to vote in a LISTED poll. */
    public record ListedVoters(@NotNull @Size(max = 3_000) List<@NotBlank @Size(max = 32) String> phones) {
    }

    @EJB
    private PollAdministration administration;

    @EJB
    private LocalSmsInbox localSms;

    @Context
    private SecurityContext security;

    @Context
    private HttpServletRequest http;

    @PUT
    @Path("departments/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DepartmentView registerDepartment(@PathParam("code") String code, @Valid @NotNull DepartmentView department) {
        if (!code.equals(department.code())) {
            throw new jakarta.ws.rs.BadRequestException();
        }
        return administration.registerDepartment(department, actor());
    }

    @POST
    @Path("polls")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response createPoll(@Valid @NotNull PollDraft draft, @Context UriInfo uri) {
        PollView created = administration.createPoll(draft, actor());
        return Response.created(uri.getBaseUriBuilder().path("polls").path(created.id().toString()).build())
                .entity(created).build();
    }

    @POST
    @Path("polls/{pollId}/questions")
    @Consumes(MediaType.APPLICATION_JSON)
    public PollView addQuestion(@PathParam("pollId") String pollId, @Valid @NotNull QuestionDraft question) {
        return administration.addQuestion(PathIds.poll(pollId), question, actor());
    }

    @POST
    @Path("polls/{pollId}/publish")
    public PollView publish(@PathParam("pollId") String pollId) {
        return administration.publish(PathIds.poll(pollId), actor());
    }

    @POST
    @Path("polls/{pollId}/close")
    public ResultsView close(@PathParam("pollId") String pollId) {
        return administration.close(PathIds.poll(pollId), actor());
    }

    @PUT
    @Path("polls/{pollId}/listed-voters")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Integer> listVoters(@PathParam("pollId") String pollId, @Valid @NotNull ListedVoters voters) {
        return Map.of("listed", administration.listVoters(PathIds.poll(pollId), voters.phones(), true, actor()));
    }

    /** Adds numbers to the list (send long lists in batches of up to 3,000). */
    @POST
    @Path("polls/{pollId}/listed-voters")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Integer> addListedVoters(@PathParam("pollId") String pollId, @Valid @NotNull ListedVoters voters) {
        return Map.of("listed", administration.listVoters(PathIds.poll(pollId), voters.phones(), false, actor()));
    }

    @GET
    @Path("polls/{pollId}/results")
    public ResultsView results(@PathParam("pollId") String pollId) {
        return administration.results(PathIds.poll(pollId));
    }

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
        return localSms.messagesTo(phone, 10);
    }

    private Actor actor() {
        return new Actor(security.getUserPrincipal().getName(), http.getRemoteAddr());
    }
}
