package org.mvoting.web.rest;

import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.mvoting.api.errors.NotFoundException;
import org.mvoting.api.policycycle.PolicyCycleView;
import org.mvoting.api.policycycle.PolicyCycles;
import org.mvoting.api.policycycle.PolicyDocumentFile;

/** What a city poll led to, for everyone: its policy cycle beside the results, and each step's PDF. */
@Path("/polls/{pollId}/policy-cycle")
@Produces(MediaType.APPLICATION_JSON)
public class PolicyCycleResource {

    @EJB
    private PolicyCycles cycles;

    @GET
    public PolicyCycleView cycle(@PathParam("pollId") String pollId) {
        return cycles.cycle(PathIds.poll(pollId));
    }

    /** The step's PDF, as a download under the name it was uploaded with. */
    @GET
    @Path("steps/{stepId}/document")
    @Produces(PolicyDocumentFile.CONTENT_TYPE)
    public Response document(@PathParam("pollId") String pollId, @PathParam("stepId") String stepId) {
        PolicyDocumentFile file = cycles.document(PathIds.poll(pollId), step(stepId, "policy-document-not-found"));
        return Response.ok(file.content(), PolicyDocumentFile.CONTENT_TYPE)
                .header("Content-Disposition", contentDisposition(file.fileName()))
                .header("Cache-Control", "public, max-age=300") // a step's document never changes
                .build();
    }

    /**
     * attachment (a download, never shown inside the site's origin), with an ASCII name for old clients and the real
     * (often Korean) name in RFC 5987 form; the stored name holds no quotes or control characters.
     */
    static String contentDisposition(String fileName) {
        String ascii = fileName.replaceAll("[^\\x20-\\x7e]", "_").replace("\\", "_");
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }

    /** A step id from the path: one that cannot exist is simply not found. */
    static UUID step(String raw, String notFound) {
        try {
            return UUID.fromString(raw);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(notFound, raw.length() > 40 ? raw.substring(0, 40) : raw);
        }
    }
}
