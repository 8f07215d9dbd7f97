package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.mvoting.api.panel.PanelCounts;
import org.mvoting.api.panel.PanelStrata;
import org.mvoting.web.rest.security.StaffOnly;

/** The citizen panel as staff see it: members per district x gender x age band, counts under 5 never shown. */
@Path("/admin/panel")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly
public class AdminPanelResource {

    @EJB
    private PanelCounts panel;

    @GET
    @Path("strata")
    public PanelStrata strata() {
        return panel.strata();
    }
}
