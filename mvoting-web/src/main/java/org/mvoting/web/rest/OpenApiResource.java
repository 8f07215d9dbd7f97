package org.mvoting.web.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves the OpenAPI 3.1 description of this API (kept beside the resources and checked by a test). */
@Path("/openapi.yaml")
public class OpenApiResource {

    static final String DOCUMENT = "/org/mvoting/web/rest/openapi.yaml";

    @GET
    @Produces("application/yaml;charset=UTF-8")
    public String document() {
        try (InputStream in = OpenApiResource.class.getResourceAsStream(DOCUMENT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
