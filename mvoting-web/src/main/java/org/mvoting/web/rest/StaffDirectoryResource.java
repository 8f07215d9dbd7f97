package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.mvoting.api.staff.DirectorySyncView;
import org.mvoting.api.staff.OrgUnitView;
import org.mvoting.api.staff.StaffDirectory;
import org.mvoting.api.staff.StaffMemberView;
import org.mvoting.web.rest.security.StaffOnly;

/** Who the caller is on staff, the org chart and staff search, and the directory's sync runs (ADMIN starts one). */
@Path("/admin")
@StaffOnly
@Produces(MediaType.APPLICATION_JSON)
public class StaffDirectoryResource {

    @Context
    private HttpServletRequest http;

    @EJB
    private StaffDirectory directory;

    @GET
    @Path("me")
    public StaffMemberView me() {
        return directory.me().orElseThrow(jakarta.ws.rs.NotFoundException::new);
    }

    @POST
    @Path("directory/syncs")
    public Response startSync(@Context UriInfo uri) {
        DirectorySyncView run = directory.startSync(RequestActor.of(http));
        return Response.accepted(run)
                .location(uri.getBaseUriBuilder().path("admin/directory/syncs").path(Long.toString(run.id())).build())
                .build();
    }

    @GET
    @Path("directory/syncs")
    public List<DirectorySyncView> syncs() {
        return directory.recentSyncs(20);
    }

    @GET
    @Path("directory/syncs/{runId}")
    public DirectorySyncView sync(@PathParam("runId") String runId) {
        return directory.syncRun(PathIds.nonNegative(runId, -1));
    }

    @GET
    @Path("directory/units")
    public List<OrgUnitView> units() {
        return directory.orgChart();
    }

    @GET
    @Path("directory/staff")
    public List<StaffMemberView> staff(@QueryParam("q") String text) {
        return directory.searchStaff(text, 20);
    }
}
