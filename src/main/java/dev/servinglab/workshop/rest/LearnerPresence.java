package dev.servinglab.workshop.rest;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * Tells the layout whether this browser holds a learner's cookie, so that every page can say to its script
 * whether to ask the server about a workshop at all: a browser that never joined makes no request, and sees no
 * 401 in its console.
 */
@Named("workshopLearner")
@ApplicationScoped
public class LearnerPresence {

    private final CurrentVertxRequest request;

    LearnerPresence(CurrentVertxRequest request) {
        this.request = request;
    }

    /** Returns whether the request being answered carries a learner's cookie; false outside a request. */
    public boolean joined() {
        if (!Arc.container().requestContext().isActive()) {
            return false;
        }
        RoutingContext current = request.getCurrent();
        if (current == null) {
            return false;
        }
        Cookie cookie = current.request().getCookie(WorkshopCookies.LEARNER);
        return cookie != null && !cookie.getValue().isEmpty();
    }
}
