package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.mvoting.api.ballots.BallotQuarantine;
import org.mvoting.api.ballots.QuarantinedBallots;
import org.mvoting.web.rest.security.StaffOnly;

/**
 * Sealed ballots the mixer could not open and set aside, never counted (ADMIN, AUDITOR): per poll, and one poll's
 * count.
 */
@Path("/admin/ballot-quarantine")
@StaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class BallotQuarantineResource {

    @EJB
    private BallotQuarantine quarantine;

    @GET
    public List<QuarantinedBallots> perPoll() {
        return quarantine.perPoll();
    }

    @GET
    @Path("{pollId}")
    public Map<String, Object> ofPoll(@PathParam("pollId") String pollId) {
        return Map.of("pollId", PathIds.poll(pollId).toString(), "count", quarantine.count(PathIds.poll(pollId)));
    }
}
