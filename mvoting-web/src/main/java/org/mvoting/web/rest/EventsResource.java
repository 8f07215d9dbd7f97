package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
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

/** Participants join an event by its join code: with a printed secret token, or signed in by SMS. */
@Path("/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    /** The printed secret token as typed (or read from its QR code). */
    public record TokenEntry(@NotBlank @Size(max = 32) String token) {
    }

    @EJB
    private EventEntry entry;

    @Context
    private HttpHeaders headers;

    @POST
    @Path("{joinCode}/join-with-token")
    @Consumes(MediaType.APPLICATION_JSON)
    public EventPass joinWithToken(@PathParam("joinCode") String joinCode, @Valid @NotNull TokenEntry token) {
        return entry.joinWithToken(joinCode, token.token());
    }

    /** Signed in by SMS (the citizen's bearer token): a participant registered with that phone. */
    @POST
    @Path("{joinCode}/join-with-phone")
    public EventPass joinWithPhone(@PathParam("joinCode") String joinCode) {
        return entry.joinWithPhone(joinCode, VoterAuthenticator.bearerToken(headers)
                .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.MISSING)));
    }
}
