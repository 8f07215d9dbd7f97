package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.mvoting.api.events.EventConsole;
import org.mvoting.api.events.EventConsoleView;
import org.mvoting.api.events.EventQuestion;
import org.mvoting.api.polls.QuestionDraft;
import org.mvoting.web.rest.security.StaffOnly;

/**
 * The event operator's console over REST (the portal's console page uses the same service): questions by round,
 * opening and closing them, the big screen's results, carrying the top options forward, paper ballots handed out and
 * paper counts (pending until a second person confirms them), the final.
 */
@Path("/admin/events/{eventId}/questions")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly
public class AdminEventQuestionsResource {

    /** A question for a round (1 when not given). */
    public record NewQuestion(@Min(1) @Max(50) Integer round, @Valid @NotNull QuestionDraft question) {
    }

    /** Seconds until voting closes by itself; 0 or none: until closed by hand. */
    public record Opening(@Min(0) @Max(3600) Integer countdownSeconds) {
    }

    public record Visibility(@NotNull Boolean shown) {
    }

    public record CarryForward(@NotNull @Min(2) @Max(29) Integer top) {
    }

    /** The paper ballots handed out for a question: the bound of its paper counts. */
    public record PaperBallots(@NotNull @Min(0) @Max(1_000_000) Long handedOut) {
    }

    /** Paper ballots counted by hand: option id → count. */
    public record PaperCounts(@NotNull @Size(max = 30) Map<@NotNull Long, @NotNull @Min(0) Long> counts) {
    }

    @EJB
    private EventConsole console;

    @Context
    private HttpServletRequest http;

    @PathParam("eventId")
    private String eventId;

    @GET
    public EventConsoleView console() {
        return console.console(event());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public EventQuestion add(@Valid @NotNull NewQuestion question) {
        return console.addQuestion(event(), question.round() == null ? 1 : question.round(), question.question(), RequestActor.of(http));
    }

    @POST
    @Path("{pollId}/open")
    @Consumes(MediaType.APPLICATION_JSON)
    public EventQuestion open(@PathParam("pollId") String pollId, @Valid Opening opening) {
        int countdown = opening == null || opening.countdownSeconds() == null ? 0 : opening.countdownSeconds();
        return console.openQuestion(event(), PathIds.poll(pollId), countdown, RequestActor.of(http));
    }

    @POST
    @Path("{pollId}/close")
    public EventQuestion close(@PathParam("pollId") String pollId) {
        return console.closeQuestion(event(), PathIds.poll(pollId), RequestActor.of(http));
    }

    @POST
    @Path("{pollId}/results")
    @Consumes(MediaType.APPLICATION_JSON)
    public EventQuestion results(@PathParam("pollId") String pollId, @Valid @NotNull Visibility visibility) {
        return console.showResults(event(), PathIds.poll(pollId), visibility.shown(), RequestActor.of(http));
    }

    @POST
    @Path("{pollId}/carry-forward")
    @Consumes(MediaType.APPLICATION_JSON)
    public EventQuestion carryForward(@PathParam("pollId") String pollId, @Valid @NotNull CarryForward carry) {
        return console.carryForward(event(), PathIds.poll(pollId), carry.top(), RequestActor.of(http));
    }

    @POST
    @Path("{pollId}/paper-counts")
    @Consumes(MediaType.APPLICATION_JSON)
    public EventQuestion paperCounts(@PathParam("pollId") String pollId, @Valid @NotNull PaperCounts counts) {
        return console.enterPaperCounts(event(), PathIds.poll(pollId), counts.counts(), RequestActor.of(http));
    }

    @PUT
    @Path("{pollId}/paper-ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    public EventQuestion paperBallots(@PathParam("pollId") String pollId, @Valid @NotNull PaperBallots ballots) {
        return console.registerPaperBallots(event(), PathIds.poll(pollId), ballots.handedOut(), RequestActor.of(http));
    }

    /** The pending paper counts stand (by a second person) … */
    @POST
    @Path("{pollId}/paper-counts/confirm")
    public EventQuestion confirmPaperCounts(@PathParam("pollId") String pollId) {
        return console.decidePaperCounts(event(), PathIds.poll(pollId), true, RequestActor.of(http));
    }

    /** … or are discarded. */
    @POST
    @Path("{pollId}/paper-counts/decline")
    public EventQuestion declinePaperCounts(@PathParam("pollId") String pollId) {
        return console.decidePaperCounts(event(), PathIds.poll(pollId), false, RequestActor.of(http));
    }

    @POST
    @Path("{pollId}/announce")
    public EventQuestion announce(@PathParam("pollId") String pollId) {
        return console.announceFinal(event(), PathIds.poll(pollId), RequestActor.of(http));
    }

    private UUID event() {
        return PathIds.poll(eventId);
    }
}
