package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.mvoting.api.errors.CensusInvalidException;
import org.mvoting.api.panel.CensusProblem;
import org.mvoting.api.panel.CensusTableSummary;
import org.mvoting.api.panel.CensusTableView;
import org.mvoting.api.panel.CensusTables;
import org.mvoting.api.panel.CensusUpload;
import org.mvoting.web.imports.CensusFile;
import org.mvoting.web.imports.PhoneListFile;
import org.mvoting.web.rest.security.StaffOnly;

/**
 * Census tables: ADMIN uploads a CSV or Excel file (district, gender, age band, population) with its title and source
 * as the next version; staff from OPERATOR up and AUDITOR list and read them. A table is never changed or deleted.
 */
@Path("/admin/census")
@Produces(MediaType.APPLICATION_JSON)
@StaffOnly
public class AdminCensusResource {

    /** What the uploader says about the file, in the query (the body is the file itself). */
    public static class About {
        @QueryParam("title")
        @NotBlank
        @Size(max = CensusUpload.TITLE_MAX)
        String title;

        @QueryParam("source")
        @NotBlank
        @Size(max = CensusUpload.SOURCE_MAX)
        String source;

        @QueryParam("illustrative")
        @DefaultValue("false")
        boolean illustrative;
    }

    @EJB
    private CensusTables census;

    @Context
    private HttpServletRequest http;

    @POST
    @Consumes({"text/csv", MediaType.TEXT_PLAIN, PhoneListFile.XLSX})
    public Response upload(@Valid @BeanParam About about, @HeaderParam("Content-Type") String type, byte[] file,
                           @Context UriInfo uri) {
        CensusFile read;
        try {
            read = CensusFile.read(file, type);
        } catch (PhoneListFile.UnreadableFileException e) {
            throw new CensusInvalidException(List.of(new CensusProblem(0, "unreadable", e.getMessage())));
        }
        CensusTableView table = census.upload(new CensusUpload(about.title, about.source, about.illustrative),
                read.rows(), read.firstRow(), RequestActor.of(http));
        return Response.created(uri.getAbsolutePathBuilder().path(String.valueOf(table.table().version())).build())
                .entity(table).build();
    }

    /** Every version, newest first, without cells. */
    @GET
    public List<CensusTableSummary> tables() {
        return census.tables();
    }

    @GET
    @Path("{version}")
    public CensusTableView table(@PathParam("version") int version) {
        return census.table(version);
    }
}
