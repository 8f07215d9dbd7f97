package org.mvoting.web.rest.security;

import jakarta.annotation.Priority;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import java.util.Map;

/**
 * No identifier, code or search the API takes has a control character in it, and PostgreSQL refuses a NUL in text
 * (the request then failed as a 500 incident): a path or query with one (e.g. {@code /events/%00/state}) is a 400
 * problem before any resource sees it.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class ControlCharacterGuard implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (hasControlCharacter(request.getUriInfo().getPath(true))
                || hasControlCharacter(request.getUriInfo().getQueryParameters(true))) {
            throw new BadRequestException();
        }
    }

    static boolean hasControlCharacter(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (hasControlCharacter(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(ControlCharacterGuard::hasControlCharacter)) {
                return true;
            }
        }
        return false;
    }

    static boolean hasControlCharacter(String text) {
        return text != null && text.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
