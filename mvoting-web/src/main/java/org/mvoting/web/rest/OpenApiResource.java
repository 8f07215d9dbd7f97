package org.mvoting.web.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;

/** Serves the OpenAPI 3.1 description of this API as written (kept beside the resources and checked by a test). */
@Path("/openapi.yaml")
public class OpenApiResource {

    static final String DOCUMENT = OpenApiDocument.SOURCE;

    @Inject
    OpenApiDocument document;

    @GET
    @Produces("application/yaml;charset=UTF-8")
    public String document() {
        return document.yaml();
    }
}
