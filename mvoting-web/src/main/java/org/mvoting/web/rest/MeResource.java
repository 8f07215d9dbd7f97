package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mvoting.api.citizens.CitizenAccount;
import org.mvoting.api.citizens.CitizenProfile;
import org.mvoting.api.citizens.Participation;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.errors.NotFoundException;

/** The signed-in citizen's own data: the optional panel profile (with consent) and their participation history. */
@Path("/me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @EJB
    private CitizenAccount account;

    @Context
    private HttpHeaders headers;

    @GET
    @Path("profile")
    public CitizenProfile profile() {
        return account.profile(token()).orElseThrow(() -> new NotFoundException("profile-not-found", "me"));
    }

    @PUT
    @Path("profile")
    @Consumes(MediaType.APPLICATION_JSON)
    public CitizenProfile saveProfile(@Valid @NotNull CitizenProfile profile) {
        return account.saveProfile(token(), profile);
    }

    /** Withdraws consent: the profile is deleted. */
    @DELETE
    @Path("profile")
    public Response withdrawProfile() {
        if (!account.withdrawProfile(token())) {
            throw new NotFoundException("profile-not-found", "me");
        }
        return Response.noContent().build();
    }

    @GET
    @Path("participations")
    public List<Participation> participations() {
        return account.participations(token(), 100);
    }

    private String token() {
        String authorization = headers.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.isBlank()) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MISSING);
        }
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new InvalidTokenException(InvalidTokenException.Reason.MALFORMED);
        }
        return authorization.substring(7).strip();
    }
}
