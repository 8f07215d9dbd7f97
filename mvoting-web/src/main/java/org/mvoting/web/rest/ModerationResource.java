package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.mvoting.api.citizenpolls.Moderation;
import org.mvoting.api.citizenpolls.ModerationCase;
import org.mvoting.web.rest.security.StaffOnly;

/** The moderators' queue of citizens' polls (role MODERATOR; auditors read it). */
@Path("/admin/moderation")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly
public class ModerationResource {

    @EJB
    private Moderation moderation;

    @Context
    private HttpServletRequest http;

    @GET
    public List<ModerationCase> queue() {
        return moderation.queue();
    }

    @POST
    @Path("{pollId}/restore")
    public Response restore(@PathParam("pollId") String pollId) {
        moderation.restore(PathIds.poll(pollId), RequestActor.of(http));
        return Response.noContent().build();
    }

    /** Removal needs a reason: the proposer reads it. */
    @POST
    @Path("{pollId}/remove")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response remove(@PathParam("pollId") String pollId, @Valid @NotNull AdminPollsResource.Rejection removal) {
        moderation.remove(PathIds.poll(pollId), removal.reason(), RequestActor.of(http));
        return Response.noContent().build();
    }

    @POST
    @Path("{pollId}/dismiss-reports")
    public Response dismissReports(@PathParam("pollId") String pollId) {
        moderation.dismissReports(PathIds.poll(pollId), RequestActor.of(http));
        return Response.noContent().build();
    }

    /** A word for a screening list. */
    public record Word(@jakarta.validation.constraints.NotBlank String category,
                       @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 100) String word) {
    }

    @GET
    @Path("words")
    public java.util.Map<String, List<String>> words() {
        return moderation.addedWords();
    }

    @POST
    @Path("words")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response addWord(@Valid @NotNull Word word) {
        moderation.addWord(word.category(), word.word(), RequestActor.of(http));
        return Response.noContent().build();
    }

    @jakarta.ws.rs.DELETE
    @Path("words/{category}/{word}")
    public Response removeWord(@PathParam("category") String category, @PathParam("word") String word) {
        moderation.removeWord(category, word, RequestActor.of(http));
        return Response.noContent().build();
    }
}
