package org.mvoting.web.rest;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;

/**
 * One shared JSON-B instance for the whole API. Without it the runtime builds a Jsonb per request, and each
 * build scans for providers under class-loader locks: measured as the first bottleneck on the vote path
 * (docs/benchmarks.md). Jsonb is thread-safe.
 */
@Provider
public class JsonbProvider implements ContextResolver<Jsonb> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public Jsonb getContext(Class<?> type) {
        return JSONB;
    }
}
