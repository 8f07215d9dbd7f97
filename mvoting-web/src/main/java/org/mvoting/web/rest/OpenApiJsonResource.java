package org.mvoting.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** The same OpenAPI document as JSON: what Swagger UI (/api-docs/) and most integrators' tools read. */
@Path("/openapi.json")
public class OpenApiJsonResource {

    @Inject
    OpenApiDocument document;

    @GET
    @Produces("application/json;charset=UTF-8")
    public String document() {
        return document.json();
    }
}
