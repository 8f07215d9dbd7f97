package org.mvoting.web.rest;

import jakarta.servlet.http.HttpServletRequest;
import org.mvoting.api.polls.Actor;

/** The services record the authenticated caller; a staff resource adds where the request came from. */
final class RequestActor {

    private RequestActor() {
    }

    static Actor of(HttpServletRequest http) {
        return new Actor(http.getUserPrincipal().getName(), http.getRemoteAddr());
    }
}
