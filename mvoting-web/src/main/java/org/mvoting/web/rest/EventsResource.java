package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.mvoting.api.ballots.CastReceipt;
import org.mvoting.api.events.EventFloor;
import org.mvoting.api.events.EventLiveState;
import org.mvoting.web.live.EventLiveFeed;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.events.EventEntry;
import org.mvoting.api.events.EventPass;
import org.mvoting.web.rest.security.VoterAuthenticator;

/**
 * The hall: participants join an event by its join code (with a printed secret token, or signed in by SMS), watch
 * the live state, and vote on the question on the screens.
 */
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    /** The printed secret token as typed (or read from its QR code). */
    public record TokenEntry(@NotBlank @Size(max = 32) String token) {
    }

    /** A participant's choice: the option ids chosen (one, or up to the question's maximum). */
    public record EventBallot(@NotNull @Size(min = 1, max = org.mvoting.api.polls.QuestionDraft.MAX_OPTIONS) java.util.List<@NotNull Long> optionIds) {
    }

    @EJB
    private EventEntry entry;

    @EJB
    private EventFloor floor;

    @Inject
    private EventLiveFeed feed;

    @Context
    private HttpHeaders headers;

    @POST
    @Path("{joinCode}/join-with-token")
    @Consumes(MediaType.APPLICATION_JSON)
    public EventPass joinWithToken(@PathParam("joinCode") String joinCode, @Valid @NotNull TokenEntry token) {
        return entry.joinWithToken(joinCode, token.token());
    }

    /** What the hall's screens show now (the live stream sends the same, as it changes). */
    @GET
    @Path("{joinCode}/state")
    public EventLiveState state(@PathParam("joinCode") String joinCode) {
        return floor.live(joinCode);
    }

    /**
     * The hall's live state as Server-Sent Events (event "state", JSON): the whole state on connecting, then on every
     * change, at most a quarter of a second behind. Reconnecting is all a screen needs to recover.
     */
    @GET
    @Path("{joinCode}/live")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void live(@PathParam("joinCode") String joinCode, @Context SseEventSink screen, @Context Sse sse) {
        feed.watch(joinCode, screen, sse);
    }

    /**
     * A participant's ballot on the question on the screens, with their event pass (or their own SMS sign-in): 201
     * with the receipt, 200 with the same receipt for a retry under the same Idempotency-Key, 409 when they voted.
     */
    @POST
    @Path("{joinCode}/questions/{pollId}/ballots")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response vote(@PathParam("joinCode") String joinCode, @PathParam("pollId") String pollId,
                         @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull EventBallot ballot) {
        String bearer = VoterAuthenticator.bearerToken(headers)
                .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MISSING));
        CastReceipt receipt = floor.vote(joinCode, PathIds.poll(pollId), ballot.optionIds(), bearer, idempotencyKey);
        return receipt.replayed() ? Response.ok(receipt).header("Idempotent-Replayed", "true").build()
                : Response.status(Response.Status.CREATED).entity(receipt).build();
    }

    /** A citizen's request to take part, from the event's registration link. */
    public record RegistrationRequest(@NotBlank @Size(max = EventEntry.NAME_LENGTH) String name,
                                      @Size(max = EventEntry.NAME_LENGTH) String group) {
    }

    /** Signed in by SMS, a citizen asks to take part (pending until an event operator approves). */
    @POST
    @Path("{joinCode}/registrations")
    @Consumes(MediaType.APPLICATION_JSON)
    public org.mvoting.api.events.Registration register(@PathParam("joinCode") String joinCode,
                                                       @Valid @NotNull RegistrationRequest request) {
        return entry.register(joinCode, citizenToken(), request.name(), request.group());
    }

    /** The signed-in citizen's own request and its state. */
    @GET
    @Path("{joinCode}/registrations/mine")
    public org.mvoting.api.events.Registration myRegistration(@PathParam("joinCode") String joinCode) {
        return entry.myRegistration(joinCode, citizenToken());
    }

    private String citizenToken() {
        return VoterAuthenticator.bearerToken(headers)
                .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MISSING));
    }

    /** Signed in by SMS (the citizen's bearer token): a participant registered with that phone. */
    @POST
    @Path("{joinCode}/join-with-phone")
    public EventPass joinWithPhone(@PathParam("joinCode") String joinCode) {
        return entry.joinWithPhone(joinCode, VoterAuthenticator.bearerToken(headers)
                .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MISSING)));
    }
}
