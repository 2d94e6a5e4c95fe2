package dev.servinglab.workshop.rest;

import dev.servinglab.web.problem.AccessDeniedException;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import java.net.URI;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Refuses a write to workshop mode that another site's page sent (cross-site request forgery): browsers say where
 * a request comes from in Sec-Fetch-Site, and older ones in Origin. A request without either (curl, a script) has
 * no cookies of a victim to abuse and passes; cookies are SameSite=Lax as well.
 */
public class CrossSiteGuard {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> OWN_SITES = Set.of("same-origin", "none");

    @ServerRequestFilter
    public void refuseCrossSiteWrites(ContainerRequestContext request, HttpServerRequest http) {
        if (SAFE_METHODS.contains(request.getMethod())
                || !guarded(request.getUriInfo().getPath())) {
            return;
        }
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        if (fetchSite != null && !OWN_SITES.contains(fetchSite)) {
            throw refused();
        }
        String origin = request.getHeaderString("Origin");
        if (fetchSite == null && origin != null && !sameOrigin(origin, http.authority())) {
            throw refused();
        }
    }

    private static boolean guarded(String path) {
        return path.startsWith("/api/v1/workshops")
                || path.startsWith("/api/v1/me")
                || path.startsWith("/workshops")
                || path.startsWith("/join");
    }

    private static boolean sameOrigin(String origin, io.vertx.core.net.HostAndPort authority) {
        if (authority == null || "null".equals(origin)) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            int ownPort = authority.port() != -1 ? authority.port() : port;
            return authority.host().equalsIgnoreCase(uri.getHost()) && ownPort == port;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static AccessDeniedException refused() {
        return AccessDeniedException.forbidden(
                "Refused: this request came from another site's page. Workshop actions are taken on this site only.");
    }
}
