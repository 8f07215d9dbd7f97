package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.mvoting.api.citizenpolls.ResultsSummaries;
import org.mvoting.api.citizenpolls.SummaryCheck;

/**
 * The public check of results summaries: by verification code, or by uploading the PDF (valid only if it is
 * byte for byte the file mVoting issued; an altered copy is not).
 */
@Path("/summaries")
@Produces(MediaType.APPLICATION_JSON)
public class SummariesResource {

    @EJB
    private ResultsSummaries summaries;

    @GET
    @Path("{code}")
    public SummaryCheck check(@PathParam("code") String code) {
        return summaries.check(code);
    }

    @POST
    @Path("verify")
    @Consumes({"application/pdf", MediaType.APPLICATION_OCTET_STREAM})
    public SummaryCheck verify(byte[] pdf) {
        return summaries.checkPdf(pdf);
    }
}
