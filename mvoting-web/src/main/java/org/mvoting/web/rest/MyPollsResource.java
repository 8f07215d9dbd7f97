package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.mvoting.api.polls.MyPolls;
import org.mvoting.web.rest.security.StaffOnly;

/**
 * A member of staff's own polls ({@code GET /staff/my-polls}): with the mobile office's bearer token (the staff view
 * inside the mobile office), Basic, or the portal's session (this read only: see {@code StaffAuthenticationFilter}).
 */
@Path("/staff")
@StaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class MyPollsResource {

    /** PATH under /api/v1, for the authentication filter's one cookie-readable exception. */
    public static final String PATH = "/staff/my-polls";

    @EJB
    private MyPolls myPolls;

    @GET
    @Path("my-polls")
    public Response myPolls() {
        CacheControl private_ = new CacheControl();
        private_.setNoStore(true);
        private_.setPrivate(true);
        return Response.ok(myPolls.myPolls()).cacheControl(private_).build();
    }
}
